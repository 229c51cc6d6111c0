package fr.prevexp.engine;

import fr.prevexp.engine.calendar.WinterTruce;
import fr.prevexp.engine.events.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the procedure needs to know of a dossier to judge its next act (<i>état du dossier</i>):
 * its stage and the dates of the acts that later acts depend on. Folded from the dossier's events,
 * by the aggregate to enforce the order of the procedure, and by any read model that shows the
 * stage. The rules are here once: which act each stage allows ({@link #refusal}), which stage an
 * act leads to ({@link #apply}), and which irregularities an act reveals ({@link #irregularities}).
 */
public final class CaseState {
    private Stage stage = Stage.PRE_LITIGATION;
    private CaseOpened opened;
    private LocalDate paymentOrderOn;
    private LocalDate summonsOn;
    private LocalDate hearingOn;
    private LocalDate judgmentOn;
    private JudgmentDelivered.Outcome judgmentOutcome;
    private LocalDate noticeToQuitOn;
    private LocalDate policeRequestedOn;
    private LocalDate policeDecisionOn;
    private LocalDate executionPossibleFrom;
    private LocalDate evictionMeasuresSuspendedUntil;
    private boolean repaymentPlanActive;
    private boolean socialDiagnosisRequested;
    private boolean overIndebtednessAdmitted;
    private boolean daloAppealFiled;
    private final Set<SupportMeasure> activeSupportMeasures = EnumSet.noneOf(SupportMeasure.class);
    private LocalDate implicitRefusalOn;
    private final List<Irregularity> irregularitiesStanding = new ArrayList<>();
    private CaseOutcome closedWith;

    public static CaseState of(Iterable<? extends CaseEvent> events) {
        CaseState state = new CaseState();
        events.forEach(state::apply);
        return state;
    }

    /**
     * Why the procedure does not allow this act now, or empty when it does. An act that really
     * happened but late or out of order is allowed (and flagged by {@link #irregularities}); only
     * what the procedure cannot reach from the current stage is refused.
     */
    public Optional<String> refusal(CaseEvent act) {
        if (stage == Stage.CLOSED) return Optional.of("le dossier est clos ; aucun acte ne peut être enregistré après sa clôture");
        if (act instanceof CaseOpened) return Optional.of("le dossier est déjà ouvert");
        if (act instanceof PaymentOrderServed) {
            return allowedIn(Set.of(Stage.PRE_LITIGATION, Stage.PAYMENT_ORDER), act, "le commandement de payer précède toute assignation", true);
        }
        if (act instanceof SummonsServed) {
            return allowedIn(Set.of(Stage.PRE_LITIGATION, Stage.PAYMENT_ORDER, Stage.SUMMONS), act,
                    "l'assignation précède l'audience et le jugement", true);
        }
        if (act instanceof HearingHeld || act instanceof JudgmentDelivered) {
            // The court still hears and rules on a pending summons after the household has left (keys returned).
            boolean pending = summonsOn != null && (Set.of(Stage.SUMMONS, Stage.HEARING).contains(stage)
                    || (stage == Stage.LEFT && judgmentOutcome == null));
            return pending ? Optional.empty() : Optional.of("une audience ou un jugement suppose une assignation pendante devant le tribunal");
        }
        if (act instanceof JudgmentServed) {
            return judgmentOutcome == null ? Optional.of("aucun jugement n'a été rendu") : Optional.empty();
        }
        if (act instanceof NoticeToQuitServed) {
            return stage == Stage.JUDGMENT && judgmentOutcome.terminates() ? Optional.empty()
                    : Optional.of("un commandement de quitter les lieux suppose un jugement qui résilie le bail");
        }
        if (act instanceof PoliceAssistanceRequested) {
            return Set.of(Stage.NOTICE_TO_QUIT, Stage.POLICE_ASSISTANCE_REFUSED).contains(stage) ? Optional.empty()
                    : Optional.of("le concours de la force publique se requiert après un commandement de quitter les lieux");
        }
        if (act instanceof PoliceAssistanceGranted || act instanceof PoliceAssistanceRefused) {
            return Set.of(Stage.POLICE_ASSISTANCE_REQUESTED, Stage.POLICE_ASSISTANCE_REFUSED).contains(stage) ? Optional.empty()
                    : Optional.of("le préfet statue sur une réquisition du concours de la force publique en cours");
        }
        if (act instanceof PoliceAssistanceImplicitlyRefused) {
            return stage == Stage.POLICE_ASSISTANCE_REQUESTED ? Optional.empty()
                    : Optional.of("un refus implicite suppose une réquisition du concours de la force publique en cours");
        }
        if (act instanceof ImplicitRefusalWithdrawn) {
            return implicitRefusalOn != null ? Optional.empty() : Optional.of("no implicit refusal stands to be withdrawn");
        }
        if (act instanceof IrregularityWithdrawn w) {
            return irregularitiesStanding.contains(w.code()) ? Optional.empty() : Optional.of("no " + w.code() + " irregularity stands to be withdrawn");
        }
        if (act instanceof EvictionScheduled) {
            return stage == Stage.POLICE_ASSISTANCE_GRANTED ? Optional.empty()
                    : Optional.of("une expulsion se programme une fois le concours de la force publique accordé");
        }
        if (act instanceof EvictionCarriedOut) {
            return stage == Stage.POLICE_ASSISTANCE_GRANTED ? Optional.empty()
                    : Optional.of("une expulsion se réalise une fois le concours de la force publique accordé");
        }
        if (act instanceof KeysReturned) {
            return stage == Stage.EVICTED || stage == Stage.LEFT ? Optional.of("le ménage a déjà quitté les lieux") : Optional.empty();
        }
        if (act instanceof RepaymentPlanBroken) {
            return repaymentPlanActive ? Optional.empty() : Optional.of("aucun plan d'apurement n'est en cours");
        }
        if (act instanceof SocialDiagnosisDelivered || act instanceof SocialDiagnosisNotDelivered) {
            return socialDiagnosisRequested || summonsOn != null ? Optional.empty()
                    : Optional.of("aucun diagnostic social et financier n'a été demandé");
        }
        if (act instanceof EvictionMeasuresSuspended) {
            return overIndebtednessAdmitted ? Optional.empty() : Optional.of("aucun dossier de surendettement n'a été déclaré recevable");
        }
        if (act instanceof DaloPriorityRecognised) {
            return daloAppealFiled ? Optional.empty() : Optional.of("aucun recours DALO n'a été déposé");
        }
        if (act instanceof SocialCohesionProtocolSigned) {
            if (opened.parc() != Parc.PUBLIC) return Optional.of("un protocole de cohésion sociale ne concerne que le logement social (parc public)");
            return terminated() ? Optional.empty() : Optional.of("un protocole de cohésion sociale suit un jugement qui résilie le bail");
        }
        if (act instanceof NewLeaseSigned) {
            return terminated() ? Optional.empty() : Optional.of("un nouveau bail suit un jugement qui résilie le bail");
        }
        if (act instanceof SupportMeasureEnded ended) {
            return activeSupportMeasures.contains(ended.kind()) ? Optional.empty()
                    : Optional.of("aucune mesure d'accompagnement " + ended.kind() + " n'est en cours");
        }
        return Optional.empty();
    }

    private Optional<String> allowedIn(Set<Stage> stages, CaseEvent act, String reason, boolean alsoAfterFailedClaim) {
        if (stages.contains(stage)) return Optional.empty();
        if (alsoAfterFailedClaim && stage == Stage.JUDGMENT && !judgmentOutcome.terminates()) return Optional.empty();
        return Optional.of(reason);
    }

    private boolean terminated() {
        return judgmentOutcome != null && judgmentOutcome.terminates();
    }

    /** Irregularities this act reveals, judged from the order and the dates of the acts already recorded. */
    public List<IrregularityFlagged> irregularities(CaseEvent act) {
        List<IrregularityFlagged> found = new ArrayList<>();
        String name = act.getClass().getSimpleName();
        LocalDate on = act.occurredOn();
        LocalDate prerequisite = null;
        String prerequisiteName = null;
        if (act instanceof SummonsServed && paymentOrderOn != null && stage == Stage.PAYMENT_ORDER) {
            prerequisite = paymentOrderOn; prerequisiteName = "PaymentOrderServed";
        } else if ((act instanceof HearingHeld || act instanceof JudgmentDelivered) && summonsOn != null) {
            prerequisite = summonsOn; prerequisiteName = "SummonsServed";
        } else if (act instanceof NoticeToQuitServed) {
            prerequisite = judgmentOn; prerequisiteName = "JudgmentDelivered";
        } else if (act instanceof PoliceAssistanceRequested) {
            prerequisite = noticeToQuitOn; prerequisiteName = "NoticeToQuitServed";
        } else if (act instanceof PoliceAssistanceGranted || act instanceof PoliceAssistanceRefused) {
            prerequisite = policeRequestedOn; prerequisiteName = "PoliceAssistanceRequested";
        } else if (act instanceof EvictionCarriedOut) {
            prerequisite = policeDecisionOn; prerequisiteName = "PoliceAssistanceGranted";
        }
        if (prerequisite != null && on.isBefore(prerequisite)) {
            found.add(flag(act, Irregularity.ACT_DATED_BEFORE_PREREQUISITE,
                    name + " dated " + on + " is before " + prerequisiteName + " dated " + prerequisite));
        }
        if (act instanceof EvictionCarriedOut) {
            if (WinterTruce.covers(on)) {
                found.add(flag(act, Irregularity.EVICTION_DURING_WINTER_TRUCE,
                        "eviction on " + on + " falls inside the winter truce (1 November to 31 March)"));
            }
            if (executionPossibleFrom != null && on.isBefore(executionPossibleFrom)) {
                found.add(flag(act, Irregularity.EVICTION_BEFORE_EXECUTION_DATE,
                        "eviction on " + on + " is before the execution date " + executionPossibleFrom + " set with the police assistance"));
            }
            if (evictionMeasuresSuspendedUntil != null && !on.isAfter(evictionMeasuresSuspendedUntil)) {
                found.add(flag(act, Irregularity.EVICTION_DURING_SUSPENSION,
                        "eviction on " + on + " while eviction measures are suspended until " + evictionMeasuresSuspendedUntil));
            }
        }
        return found;
    }

    private IrregularityFlagged flag(CaseEvent act, Irregularity code, String detail) {
        // The dossier establishes the irregularity, not the partner whose act revealed it.
        return new IrregularityFlagged(act.caseId(), act.occurredOn(), RecordedBy.procedure(), code, act.getClass().getSimpleName(), detail);
    }

    /** Folds one event into the state. */
    public CaseState apply(CaseEvent event) {
        LocalDate on = event.occurredOn();
        stage = stageAfter(stage, event);
        if (event instanceof CaseOpened o) {
            opened = o;
        } else if (event instanceof PaymentOrderServed) {
            paymentOrderOn = on;
        } else if (event instanceof SummonsServed s) {
            summonsOn = on; hearingOn = s.hearingOn();
        } else if (event instanceof JudgmentDelivered j) {
            judgmentOn = on; judgmentOutcome = j.outcome();
        } else if (event instanceof NoticeToQuitServed) {
            noticeToQuitOn = on;
        } else if (event instanceof PoliceAssistanceRequested) {
            policeRequestedOn = on;
        } else if (event instanceof PoliceAssistanceGranted g) {
            policeDecisionOn = on; executionPossibleFrom = g.executionPossibleFrom();
        } else if (event instanceof PoliceAssistanceImplicitlyRefused) {
            policeDecisionOn = on; implicitRefusalOn = on;
        } else if (event instanceof PoliceAssistanceRefused) {
            policeDecisionOn = on;
        } else if (event instanceof ImplicitRefusalWithdrawn) {
            implicitRefusalOn = null;
        } else if (event instanceof IrregularityFlagged f) {
            irregularitiesStanding.add(f.code());
        } else if (event instanceof IrregularityWithdrawn w) {
            irregularitiesStanding.remove(w.code());
        } else if (event instanceof RepaymentPlanAgreed) {
            repaymentPlanActive = true;
        } else if (event instanceof RepaymentPlanBroken) {
            repaymentPlanActive = false;
        } else if (event instanceof SocialDiagnosisRequested) {
            socialDiagnosisRequested = true;
        } else if (event instanceof OverIndebtednessFileAdmitted) {
            overIndebtednessAdmitted = true;
        } else if (event instanceof EvictionMeasuresSuspended s) {
            evictionMeasuresSuspendedUntil = s.until();
        } else if (event instanceof DaloAppealFiled) {
            daloAppealFiled = true;
        } else if (event instanceof SupportMeasureStarted s) {
            activeSupportMeasures.add(s.kind());
        } else if (event instanceof SupportMeasureEnded s) {
            activeSupportMeasures.remove(s.kind());
        } else if (event instanceof CaseClosed c) {
            closedWith = c.outcome();
        }
        return this;
    }

    /**
     * The dossier's debt after this event (<i>montant de la dette</i>): the opening debt, then the
     * latest amount reported (unpaid-rent report, debt claimed in a payment order).
     */
    public static java.math.BigDecimal debtAfter(java.math.BigDecimal current, CaseEvent event) {
        if (event instanceof CaseOpened o) return o.debt();
        if (event instanceof UnpaidRentReported u && u.amount() != null) return u.amount();
        if (event instanceof PaymentOrderServed p && p.debtClaimed() != null) return p.debtClaimed();
        return current;
    }

    /**
     * The stage a dossier reaches when this event is recorded at {@code current}: it depends on the
     * act alone, except that the court's acts on a household that has already left keep it {@code LEFT}.
     */
    public static Stage stageAfter(Stage current, CaseEvent event) {
        if (current == Stage.LEFT && (event instanceof HearingHeld || event instanceof JudgmentDelivered)) return Stage.LEFT;
        if (event instanceof PaymentOrderServed) return Stage.PAYMENT_ORDER;
        if (event instanceof SummonsServed) return Stage.SUMMONS;
        if (event instanceof HearingHeld) return Stage.HEARING;
        if (event instanceof JudgmentDelivered) return Stage.JUDGMENT;
        if (event instanceof NoticeToQuitServed) return Stage.NOTICE_TO_QUIT;
        if (event instanceof PoliceAssistanceRequested) return Stage.POLICE_ASSISTANCE_REQUESTED;
        if (event instanceof PoliceAssistanceGranted) return Stage.POLICE_ASSISTANCE_GRANTED;
        if (event instanceof PoliceAssistanceRefused || event instanceof PoliceAssistanceImplicitlyRefused) {
            return Stage.POLICE_ASSISTANCE_REFUSED;
        }
        if (event instanceof EvictionCarriedOut) return Stage.EVICTED;
        if (event instanceof KeysReturned) return Stage.LEFT;
        if (event instanceof CaseClosed) return Stage.CLOSED;
        return current;
    }

    public Stage stage() { return stage; }

    public CaseOpened opened() { return opened; }

    public LocalDate paymentOrderOn() { return paymentOrderOn; }

    public LocalDate summonsOn() { return summonsOn; }

    public LocalDate hearingOn() { return hearingOn; }

    public JudgmentDelivered.Outcome judgmentOutcome() { return judgmentOutcome; }

    public LocalDate executionPossibleFrom() { return executionPossibleFrom; }

    public Set<SupportMeasure> activeSupportMeasures() { return Set.copyOf(activeSupportMeasures); }

    public CaseOutcome closedWith() { return closedWith; }
}
