package fr.prevexp.projections.cases;

import fr.prevexp.engine.ActType;
import fr.prevexp.engine.CaseState;
import fr.prevexp.engine.Parties;
import fr.prevexp.engine.Stage;
import fr.prevexp.engine.events.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Folds the event log into the case list and the parties of each dossier (tracking processor
 * {@value #GROUP}: replayable, and shared between nodes through the token store).
 */
@Component
@ProcessingGroup(CaseListProjection.GROUP)
public class CaseListProjection {
    public static final String GROUP = "cases";

    private final CaseSummaryRepository cases;
    private final CasePartyRepository parties;
    private final EventStore eventStore;
    /**
     * The dossiers' states as last folded here, each with the sequence number of the last event it holds: the next
     * event of the dossier is folded into it instead of re-reading the whole stream (which made a dossier's n-th act
     * cost n reads). Only a state that holds exactly the events before this one is used; any other case (a replay, a
     * rolled-back event, a segment another node worked on, a dossier evicted from this bounded cache) reads the stream.
     */
    private final Map<String, Folded> folded = java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Folded> eldest) {
            return size() > 10_000;
        }
    });

    private record Folded(CaseState state, long sequence) {
    }

    public CaseListProjection(CaseSummaryRepository cases, CasePartyRepository parties, EventStore eventStore) {
        this.cases = cases;
        this.parties = parties;
        this.eventStore = eventStore;
    }

    @EventHandler
    // Its own transaction: a failure undoes this event only, and the processor parks the dossier in the dead-letter
    // queue in its transaction (with the token); a re-delivered event changes nothing.
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CaseEvent event, @SequenceNumber long sequence) {
        CaseSummaryEntity row = cases.findById(event.caseId()).orElseGet(() -> new CaseSummaryEntity(event.caseId()));
        if (sequence <= row.getLastSequence()) return;
        if (event instanceof CaseOpened o) {
            // No personal data here: the list's names come from the dossier's (encrypted) log when a page is read.
            row.opened(o.reference(), o.parc(), o.territory(), o.debt(), o.occurredOn());
        } else if (event instanceof IrregularityFlagged) {
            row.irregularity();
        } else if (event instanceof IrregularityWithdrawn) {
            row.irregularityWithdrawn();
        } else if (!ActType.of(event).bookkeeping()) {
            row.lastAct(ActType.of(event).typeName(), event.occurredOn());
        }
        row.stage(stage(event, sequence, row));
        // the debt by legal date (CaseState.debt()), from the dossier stage() has just folded
        if (CaseState.debtAfter(null, event) != null && !(event instanceof CaseOpened)) row.debt(folded.get(event.caseId()).state().debt());
        row.sequence(sequence);
        cases.save(row);
        // The same rule as every read of the dossier: a partner lists exactly the dossiers it may open.
        Parties.madePartyBy(event).forEach(organisation -> party(event.caseId(), organisation));
    }

    /**
     * The stage after this event, as the case view shows it: the stage of the latest act by legal
     * date ({@link CaseState}), folded from the dossier's stream up to this event. The procedure's
     * bookkeeping never moves the stage, and the closure ends it.
     */
    private Stage stage(CaseEvent event, long sequence, CaseSummaryEntity row) {
        // Taken out while folding: if this event's transaction fails, the next attempt reads the stream.
        Folded before = folded.remove(event.caseId());
        CaseState state;
        if (event instanceof CaseOpened) {
            state = new CaseState().apply(event);
        } else if (before != null && before.sequence() == sequence - 1) {
            state = before.state().apply(event);
        } else {
            state = new CaseState();
            DomainEventStream stream = eventStore.readEvents(event.caseId());
            while (stream.hasNext()) {
                var message = stream.next();
                if (message.getSequenceNumber() > sequence) break;
                if (message.getPayload() instanceof CaseEvent e) state.apply(e);
            }
        }
        folded.put(event.caseId(), new Folded(state, sequence));
        if (event instanceof CaseOpened) return Stage.PRE_LITIGATION;
        if (event instanceof CaseClosed) return Stage.CLOSED;
        if (ActType.of(event).bookkeeping()) return row.getStage();
        return state.stage();
    }

    private void party(String caseId, String organisation) {
        var key = new CasePartyEntity.Key(caseId, organisation);
        if (!parties.existsById(key)) parties.save(new CasePartyEntity(caseId, organisation));
    }

    @ResetHandler
    @Transactional
    public void reset() {
        folded.clear();
        parties.deleteAllInBatch();
        cases.deleteAllInBatch();
    }
}
