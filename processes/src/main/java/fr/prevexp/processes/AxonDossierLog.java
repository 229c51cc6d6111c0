package fr.prevexp.processes;

import fr.prevexp.engine.Trade;
import fr.prevexp.engine.events.CaseEvent;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Reads the dossier's stream in the event store from the first event the procedure has not applied. */
@Component
public class AxonDossierLog implements DossierLog {
    private final EventStore eventStore;

    public AxonDossierLog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public long lastPartnerActAfter(String caseId, long applied) {
        long last = applied;
        DomainEventStream stream = eventStore.readEvents(caseId, applied + 1);
        while (stream.hasNext()) {
            var message = stream.next();
            if (message.getSequenceNumber() > last && message.getPayload() instanceof CaseEvent event
                    && (event.recordedBy() == null || event.recordedBy().trade() != Trade.PROCEDURE)) {
                last = message.getSequenceNumber();
            }
        }
        return last;
    }
}
