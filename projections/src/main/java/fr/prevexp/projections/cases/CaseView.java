package fr.prevexp.projections.cases;

import fr.prevexp.engine.CaseOutcome;
import fr.prevexp.engine.CaseSource;
import fr.prevexp.engine.CaseState;
import fr.prevexp.engine.DeadlineKind;
import fr.prevexp.engine.DeadlineStatus;
import fr.prevexp.engine.Household;
import fr.prevexp.engine.Irregularity;
import fr.prevexp.engine.Landlord;
import fr.prevexp.engine.Parc;
import fr.prevexp.engine.Stage;
import fr.prevexp.engine.events.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The case view (<i>vue du dossier</i>): a dossier as partners see it, folded from its event stream
 * alone, so that the same fold gives the view of today and the view as it stood on any date.
 */
public record CaseView(String caseId, String reference, Parc parc, String parcLabel, String territory,
                       CaseSource source, LocalDate openedOn, LocalDate leaseSignedOn, Landlord landlord,
                       Household household, BigDecimal monthlyRent, BigDecimal monthlyCharges, BigDecimal debt,
                       Stage stage, String stageLabel, LocalDate hearingOn, JudgmentDelivered.Outcome judgmentOutcome,
                       CaseOutcome closedWith, List<Deadline> deadlines, List<IrregularityView> irregularities,
                       List<ActSummary> recentActs) {

    /** How many of the latest acts the view lists. */
    public static final int RECENT_ACTS = 10;

    /** A legal deadline of the dossier (<i>échéance</i>), in the form of the public API. */
    public record Deadline(DeadlineKind kind, String label, LocalDate startsOn, LocalDate dueOn, DeadlineStatus status) {
    }

    /** An irregularity of the procedure (<i>irrégularité</i>) with the act that revealed it. */
    public record IrregularityView(Irregularity code, String label, String act, LocalDate occurredOn, String detail) {
    }

    /** One act in the list of recent acts (<i>derniers actes</i>). */
    public record ActSummary(String type, String label, LocalDate occurredOn) {
    }

    /** Folds a dossier's events, in the order they were recorded; null when there are none. */
    public static CaseView fold(List<? extends CaseEvent> events) {
        if (events.isEmpty() || !(events.get(0) instanceof CaseOpened opened)) return null;
        CaseState state = new CaseState();
        List<Deadline> deadlines = new ArrayList<>();
        List<IrregularityView> irregularities = new ArrayList<>();
        List<ActSummary> acts = new ArrayList<>();
        for (CaseEvent event : events) {
            state.apply(event);
            var type = fr.prevexp.engine.ActType.of(event);
            if (event instanceof DeadlineScheduled d) {
                deadlines.add(new Deadline(d.kind(), d.kind().french(), d.startsOn(), d.dueOn(), DeadlineStatus.PENDING));
            } else if (event instanceof DeadlineElapsed d) {
                settle(deadlines, d.kind(), DeadlineStatus.ELAPSED);
            } else if (event instanceof DeadlineMet d) {
                settle(deadlines, d.kind(), DeadlineStatus.MET);
            } else if (event instanceof DeadlineCancelled d) {
                settle(deadlines, d.kind(), DeadlineStatus.CANCELLED);
            } else if (event instanceof DeadlineCorrected c) {
                correct(deadlines, c);
            } else if (event instanceof DeadlineRescheduled r) {
                reschedule(deadlines, r);
            } else if (event instanceof IrregularityWithdrawn w) {
                withdraw(irregularities, w.code());
            } else if (event instanceof IrregularityFlagged f) {
                irregularities.add(new IrregularityView(f.code(), f.code() == null ? null : f.code().french(), f.act(), f.occurredOn(), f.detail()));
            } else {
                acts.add(new ActSummary(type.typeName(), type.french(), event.occurredOn()));
            }
            if (event instanceof CaseClosed) {
                for (DeadlineKind kind : DeadlineKind.values()) settle(deadlines, kind, DeadlineStatus.CANCELLED);
            }
        }
        List<ActSummary> recent = new ArrayList<>(acts.subList(Math.max(0, acts.size() - RECENT_ACTS), acts.size()));
        java.util.Collections.reverse(recent);
        return new CaseView(opened.caseId(), opened.reference(), opened.parc(), opened.parc().french(), opened.territory(),
                opened.source(), opened.occurredOn(), opened.leaseSignedOn(), opened.landlord(), opened.household(),
                opened.monthlyRent(), opened.monthlyCharges(), state.debt(), state.stage(), state.stage().french(), state.hearingOn(),
                state.judgmentOutcome(), state.closedWith(), List.copyOf(deadlines), List.copyOf(irregularities), List.copyOf(recent));
    }

    /**
     * An <i>échéance rectifiée</i>: the latest deadline of that kind with that last day takes the
     * corrected status, whether the fold has seen it elapse (today's view) or not (a view as of a
     * date between the act and the end of the window).
     */
    private static void correct(List<Deadline> deadlines, DeadlineCorrected c) {
        for (int i = deadlines.size() - 1; i >= 0; i--) {
            Deadline d = deadlines.get(i);
            if (d.kind() == c.kind() && d.dueOn().equals(c.dueOn())) {
                deadlines.set(i, new Deadline(d.kind(), d.label(), d.startsOn(), d.dueOn(), c.status()));
                return;
            }
        }
    }

    /**
     * An <i>échéance reportée</i>: the latest deadline of that kind due on the previous day is now
     * due on the new one, its status unchanged (the history keeps both dates).
     */
    private static void reschedule(List<Deadline> deadlines, DeadlineRescheduled r) {
        for (int i = deadlines.size() - 1; i >= 0; i--) {
            Deadline d = deadlines.get(i);
            if (d.kind() == r.kind() && d.dueOn().equals(r.previousDueOn())) {
                deadlines.set(i, new Deadline(d.kind(), d.label(), d.startsOn(), r.dueOn(), d.status()));
                return;
            }
        }
    }

    /** An <i>irrégularité retirée</i>: the latest irregularity of that code leaves the view (it stays in the history). */
    private static void withdraw(List<IrregularityView> irregularities, Irregularity code) {
        for (int i = irregularities.size() - 1; i >= 0; i--) {
            if (irregularities.get(i).code() == code) {
                irregularities.remove(i);
                return;
            }
        }
    }

    /** Settles the latest pending deadline of that kind. */
    private static void settle(List<Deadline> deadlines, DeadlineKind kind, DeadlineStatus status) {
        for (int i = deadlines.size() - 1; i >= 0; i--) {
            Deadline d = deadlines.get(i);
            if (d.kind() == kind && d.status() == DeadlineStatus.PENDING) {
                deadlines.set(i, new Deadline(d.kind(), d.label(), d.startsOn(), d.dueOn(), status));
                return;
            }
        }
    }
}
