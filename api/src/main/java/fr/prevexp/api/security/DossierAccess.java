package fr.prevexp.api.security;

import fr.prevexp.engine.Parties;
import fr.prevexp.engine.PersonalData;
import fr.prevexp.engine.Trade;
import fr.prevexp.engine.events.CaseEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.prevexp.engine.PersonalData.Kind.*;

/**
 * Every operation of a partner on one dossier goes through here, reads and writes alike: the rule
 * itself is {@link Parties} (the same function builds the case list's parties). A dossier the
 * partner may not access is answered exactly as an unknown dossier ({@code 404}, same body, no
 * stage): its existence is not disclosed.
 * <p>
 * It is also the one place of the minimisation of personal data (<i>minimisation</i>, RGPD): which
 * kinds of {@link PersonalData} each role sees ({@link #PERSONAL_DATA_SHOWN}); a reading returns the
 * dossier's events with the other personal fields left out, and is recorded in the journal of
 * consultations ({@link ReadingJournal}).
 */
@Service
public class DossierAccess {
    /**
     * The personal data each role sees (README, <i>Données personnelles (RGPD)</i>): the secretariat
     * everything; the préfecture what its decision on the police assistance rests on; the
     * commissaire, the landlord, the CAF and the Banque de France who and where the household is (and
     * the landlord, the creditor); the social services and the SIAO also how to reach the household;
     * the COMED who and where; auditors none (they check the procedure, not the people).
     */
    public static final Map<Trade, Set<PersonalData.Kind>> PERSONAL_DATA_SHOWN;

    static {
        Map<Trade, Set<PersonalData.Kind>> shown = new EnumMap<>(Trade.class);
        shown.put(Trade.CCAPEX, EnumSet.allOf(PersonalData.Kind.class));
        shown.put(Trade.PREFECTURE, EnumSet.of(IDENTITY, ADDRESS, THIRD_PARTY, FREE_TEXT));
        shown.put(Trade.COMMISSAIRE, EnumSet.of(IDENTITY, ADDRESS, THIRD_PARTY));
        shown.put(Trade.BAILLEUR, EnumSet.of(IDENTITY, ADDRESS, THIRD_PARTY));
        shown.put(Trade.CAF, EnumSet.of(IDENTITY, ADDRESS, THIRD_PARTY));
        shown.put(Trade.SERVICE_SOCIAL, EnumSet.allOf(PersonalData.Kind.class));
        shown.put(Trade.SIAO, EnumSet.of(IDENTITY, ADDRESS, CONTACT));
        shown.put(Trade.BANQUE_DE_FRANCE, EnumSet.of(IDENTITY, ADDRESS, THIRD_PARTY));
        shown.put(Trade.COMED, EnumSet.of(IDENTITY, ADDRESS));
        shown.put(Trade.AUDITOR, EnumSet.noneOf(PersonalData.Kind.class));
        shown.put(Trade.PROCEDURE, EnumSet.noneOf(PersonalData.Kind.class));
        PERSONAL_DATA_SHOWN = java.util.Collections.unmodifiableMap(shown);
    }

    private final EventStore eventStore;
    private final ReadingJournal journal;

    public DossierAccess(EventStore eventStore, ReadingJournal journal) {
        this.eventStore = eventStore;
        this.journal = journal;
    }

    /** The kinds of personal data this role sees. */
    public static Set<PersonalData.Kind> personalDataShownTo(Trade trade) {
        return PERSONAL_DATA_SHOWN.getOrDefault(trade, Set.of());
    }

    /**
     * A reading of the dossier by a partner (<i>consultation</i>): its events as {@link #open} gives
     * them, with the personal fields its role does not see left out, and the reading recorded in the
     * journal of consultations ({@code what}: which view, e.g. "historique").
     */
    public List<DomainEventMessage<?>> read(Partner partner, String caseId, String what) {
        List<DomainEventMessage<?>> events = open(partner, caseId);
        Set<PersonalData.Kind> shown = personalDataShownTo(partner.trade());
        journal.record(caseId, partner.login(), partner.trade(), partner.organisation(), what, shown);
        if (shown.containsAll(EnumSet.allOf(PersonalData.Kind.class))) return events;
        List<DomainEventMessage<?>> minimised = new ArrayList<>(events.size());
        for (DomainEventMessage<?> m : events) {
            Object payload = m.getPayload();
            Object kept = withoutHidden(payload, shown);
            minimised.add(kept == payload ? m : new GenericDomainEventMessage<>(m.getType(), m.getAggregateIdentifier(),
                    m.getSequenceNumber(), kept, m.getMetaData(), m.getIdentifier(), m.getTimestamp()));
        }
        return minimised;
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

    /**
     * The same record with its {@link PersonalData} fields of the kinds not shown set to null (and so
     * in the records it holds: the household); the record itself when nothing is hidden.
     */
    static <T> T withoutHidden(T value, Set<PersonalData.Kind> shown) {
        if (value == null || !value.getClass().isRecord() || !hides(value.getClass(), shown, 0)) return value;
        java.lang.reflect.RecordComponent[] components = value.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                java.lang.reflect.RecordComponent c = components[i];
                types[i] = c.getType();
                Object v = c.getAccessor().invoke(value);
                PersonalData personal = c.getAnnotation(PersonalData.class);
                if (personal != null) args[i] = shown.contains(personal.value()) ? v : null;
                else args[i] = c.getType().isRecord() ? withoutHidden(v, shown) : v;
            }
            java.lang.reflect.Constructor<?> canonical = value.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            @SuppressWarnings("unchecked") T hidden = (T) canonical.newInstance(args);
            return hidden;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot hide the personal fields of " + value.getClass(), e);
        }
    }

    /** Whether a record type carries personal fields of kinds not shown. */
    private static boolean hides(Class<?> type, Set<PersonalData.Kind> shown, int depth) {
        if (!type.isRecord() || depth > 4) return false;
        for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
            PersonalData personal = c.getAnnotation(PersonalData.class);
            if (personal != null ? !shown.contains(personal.value()) : hides(c.getType(), shown, depth + 1)) return true;
        }
        return false;
    }

    /** The organisation whose dossiers the case list shows to this partner; {@code null} for the trades that read every dossier. */
    public static String listedFor(Partner partner) {
        return Parties.readsEveryDossier(partner.trade()) ? null : partner.organisation();
    }
}
