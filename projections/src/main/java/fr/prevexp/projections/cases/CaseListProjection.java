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

import java.util.ArrayList;
import java.util.List;

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
    private final CaseNameWordRepository words;

    public CaseListProjection(CaseSummaryRepository cases, CasePartyRepository parties, EventStore eventStore, CaseNameWordRepository words) {
        this.cases = cases;
        this.words = words;
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
            row.opened(o.reference(), o.household() == null ? null : o.household().name(), o.parc(), o.territory(), o.debt(), o.occurredOn());
            if (o.household() != null) {
                CaseNameWord.words(o.household().name()).forEach(w -> {
                    var key = new CaseNameWord.Key(o.caseId(), w);
                    if (!words.existsById(key)) words.save(new CaseNameWord(o.caseId(), w));
                });
            }
        } else if (event instanceof IrregularityFlagged) {
            row.irregularity();
        } else if (event instanceof IrregularityWithdrawn) {
            row.irregularityWithdrawn();
        } else if (!(event instanceof DeadlineScheduled || event instanceof DeadlineElapsed
                || event instanceof DeadlineMet || event instanceof DeadlineCancelled || event instanceof DeadlineCorrected)) {
            row.lastAct(ActType.of(event).typeName(), event.occurredOn());
        }
        row.debt(CaseState.debtAfter(row.getDebt(), event));
        row.stage(stage(event, sequence, row));
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
        if (event instanceof CaseOpened) return Stage.PRE_LITIGATION;
        if (event instanceof CaseClosed) return Stage.CLOSED;
        if (ActType.of(event).bookkeeping()) return row.getStage();
        List<CaseEvent> upToThis = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(event.caseId());
        while (stream.hasNext()) {
            var message = stream.next();
            if (message.getSequenceNumber() > sequence) break;
            if (message.getPayload() instanceof CaseEvent e) upToThis.add(e);
        }
        return CaseState.of(upToThis).stage();
    }

    private void party(String caseId, String organisation) {
        var key = new CasePartyEntity.Key(caseId, organisation);
        if (!parties.existsById(key)) parties.save(new CasePartyEntity(caseId, organisation));
    }

    @ResetHandler
    @Transactional
    public void reset() {
        parties.deleteAllInBatch();
        words.deleteAllInBatch();
        cases.deleteAllInBatch();
    }
}
