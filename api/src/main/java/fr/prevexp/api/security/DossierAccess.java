package fr.prevexp.api.security;

import fr.prevexp.engine.Parties;
import fr.prevexp.engine.events.CaseEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * Every operation of a partner on one dossier goes through here, reads and writes alike: the rule
 * itself is {@link Parties} (the same function builds the case list's parties). A dossier the
 * partner may not access is answered exactly as an unknown dossier ({@code 404}, same body, no
 * stage): its existence is not disclosed.
 */
@Service
public class DossierAccess {
    private final EventStore eventStore;

    public DossierAccess(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The dossier's events in the order recorded, when this partner may read it and record on it the
     * acts of its trade; otherwise {@link AggregateNotFoundException}, as for an unknown dossier.
     */
    public List<DomainEventMessage<?>> open(Partner partner, String caseId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(caseId).asStream().forEach(events::add);
        List<CaseEvent> payloads = events.stream().map(m -> (CaseEvent) m.getPayload()).toList();
        if (events.isEmpty() || !Parties.mayAccess(partner.trade(), partner.organisation(), payloads)) {
            throw new AggregateNotFoundException(caseId, "no dossier " + caseId);
        }
        return events;
    }

    /** The organisation whose dossiers the case list shows to this partner; {@code null} for the trades that read every dossier. */
    public static String listedFor(Partner partner) {
        return Parties.readsEveryDossier(partner.trade()) ? null : partner.organisation();
    }
}
