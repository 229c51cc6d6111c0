package fr.prevexp.projections.deadlines;

import fr.prevexp.engine.DeadlineKind;
import fr.prevexp.engine.DeadlineStatus;
import fr.prevexp.engine.events.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the procedure's deadline events into the deadline board (tracking processor {@value #GROUP}):
 * a deadline is pending from {@code DeadlineScheduled} until it elapses, is met or is cancelled;
 * a {@code DeadlineCorrected} gives it its corrected status; a {@code DeadlineRescheduled} its new last day; the pending deadlines of a closed
 * dossier are cancelled.
 */
@Component
@ProcessingGroup(DeadlineBoardProjection.GROUP)
public class DeadlineBoardProjection {
    public static final String GROUP = "deadlines";
    private final DeadlineEntryRepository entries;
    private final DeadlineCaseRepository cases;

    public DeadlineBoardProjection(DeadlineEntryRepository entries, DeadlineCaseRepository cases) {
        this.entries = entries;
        this.cases = cases;
    }

    @EventHandler
    // Its own transaction: a failure undoes this event only, and the processor parks the dossier in the dead-letter
    // queue in its transaction (with the token); a re-delivered event changes nothing.
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CaseEvent event, @SequenceNumber long sequence) {
        if (event instanceof CaseOpened o) {
            if (!cases.existsById(o.caseId())) cases.save(new DeadlineCase(o.caseId(), o.territory(), o.parc(), o.reference()));
            return;
        }
        DeadlineCase dossier = cases.findById(event.caseId()).orElse(null);
        if (dossier == null || sequence <= dossier.getLastSequence()) return;
        if (event instanceof DeadlineScheduled s) {
            entries.save(new DeadlineEntry(s.caseId(), sequence, s.kind(), s.startsOn(), s.dueOn(), dossier.getTerritory(),
                    dossier.getParc(), dossier.getReference()));
        } else if (event instanceof DeadlineElapsed e) {
            settle(e.caseId(), e.kind(), DeadlineStatus.ELAPSED);
        } else if (event instanceof DeadlineMet m) {
            settle(m.caseId(), m.kind(), DeadlineStatus.MET);
        } else if (event instanceof DeadlineCancelled c) {
            settle(c.caseId(), c.kind(), DeadlineStatus.CANCELLED);
        } else if (event instanceof DeadlineCorrected c) {
            entries.findByCaseIdAndKindAndDueOnOrderByOpenedBySequenceDesc(c.caseId(), c.kind(), c.dueOn()).stream()
                    .findFirst().ifPresent(d -> d.settle(c.status()));
        } else if (event instanceof DeadlineRescheduled r) {
            entries.findByCaseIdAndKindAndDueOnOrderByOpenedBySequenceDesc(r.caseId(), r.kind(), r.previousDueOn()).stream()
                    .findFirst().ifPresent(d -> d.reschedule(r.dueOn()));
        } else if (event instanceof CaseClosed) {
            entries.findByCaseIdAndStatus(event.caseId(), DeadlineStatus.PENDING).forEach(d -> d.settle(DeadlineStatus.CANCELLED));
        }
        dossier.sequence(sequence);
        cases.save(dossier);
    }

    private void settle(String caseId, DeadlineKind kind, DeadlineStatus status) {
        entries.findByCaseIdAndKindAndStatusOrderByOpenedBySequenceDesc(caseId, kind, DeadlineStatus.PENDING).stream()
                .findFirst().ifPresent(d -> d.settle(status));
    }

    @ResetHandler
    @Transactional
    public void reset() {
        entries.deleteAllInBatch();
        cases.deleteAllInBatch();
    }
}
