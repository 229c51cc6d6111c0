package fr.prevexp.engine;

import fr.prevexp.engine.calendar.WinterTruce;
import fr.prevexp.engine.events.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the procedure needs to know of a dossier to judge its next act (<i>état du dossier</i>):
 * its stage and the dates of the acts that later acts depend on. Folded from the dossier's events,
 * by the aggregate to enforce the order of the procedure, and by every read model that shows the
 * stage, so that they cannot drift apart.
 *
 * <p><b>Legal order, not recording order.</b> The dossier's acts (every act but the procedure's
 * bookkeeping: deadlines, irregularity flags, withdrawals) are placed by their legal date, ties in
 * the order they were recorded; the opening is always first and the closure always last. The stage
 * is the stage after the latest act by legal date. A new act is accepted when the dossier's acts
 * with it inserted at its date still form a path through {@link #ALLOWED} (and its {@link #GUARDS});
 * otherwise it is refused with the stage as of its date. An act dated before the act it follows
 * (already recorded) is irregular but real: if it fits nowhere at its own date, it is placed just
 * after that act and flagged ({@link #irregularities}). An implicit refusal that a préfet's decision
 * dated before it now precedes is void (the procedure concluded it without the decision; it is
 * withdrawn by an {@link ImplicitRefusalWithdrawn}).
 */
public final class CaseState {
    /**
     * Acts allowed at every stage of an open dossier (besides their {@link #GUARDS}): the acts off
     * the main line (<i>actes hors de la procédure judiciaire</i>) and the closure.
     */
    static final Set<ActType> AT_ANY_STAGE = Collections.unmodifiableSet(EnumSet.of(ActType.UNPAID_RENT_REPORTED,
            ActType.CCAPEX_REFERRAL_RECEIVED, ActType.REPAYMENT_PLAN_AGREED, ActType.REPAYMENT_PLAN_BROKEN,
            ActType.HOUSING_FUND_AID_GRANTED, ActType.SOCIAL_DIAGNOSIS_REQUESTED, ActType.SOCIAL_DIAGNOSIS_DELIVERED,
            ActType.SOCIAL_DIAGNOSIS_NOT_DELIVERED, ActType.JUDGMENT_SERVED, ActType.OVER_INDEBTEDNESS_FILE_ADMITTED,
            ActType.EVICTION_MEASURES_SUSPENDED, ActType.DALO_APPEAL_FILED, ActType.DALO_PRIORITY_RECOGNISED,
            ActType.HOUSEHOLD_REHOUSED, ActType.SOCIAL_COHESION_PROTOCOL_SIGNED, ActType.NEW_LEASE_SIGNED,
            ActType.SUPPORT_MEASURE_STARTED, ActType.SUPPORT_MEASURE_ENDED, ActType.CCAPEX_EXAMINED,
            ActType.PARTNER_DESIGNATED, ActType.HEARING_POSTPONED, ActType.GRACE_PERIOD_GRANTED, ActType.CASE_CLOSED));

    /**
     * The order of the procedure (<i>ordre de la procédure</i>): at each stage, the acts of the main
     * line it allows, besides {@link #AT_ANY_STAGE}. A closed dossier allows nothing.
     * <pre>
     * stage (étape)                       | main-line acts allowed
     * PRE_LITIGATION (précontentieux)     | PaymentOrderServed, SummonsServed, KeysReturned
     * PAYMENT_ORDER (commandement payer)  | PaymentOrderServed, SummonsServed, KeysReturned
     * SUMMONS (assignation)               | SummonsServed, HearingHeld, JudgmentDelivered, KeysReturned
     * HEARING (audience)                  | HearingHeld, JudgmentDelivered, KeysReturned
     * JUDGMENT (jugement)                 | NoticeToQuitServed¹, PaymentOrderServed², SummonsServed², KeysReturned
     * NOTICE_TO_QUIT (CQL)                | PoliceAssistanceRequested, KeysReturned
     * POLICE_ASSISTANCE_REQUESTED (CFP)   | PoliceAssistanceGranted, PoliceAssistanceRefused, PoliceAssistanceImplicitlyRefused, KeysReturned
     * POLICE_ASSISTANCE_GRANTED           | EvictionScheduled, EvictionCarriedOut, KeysReturned
     * POLICE_ASSISTANCE_REFUSED           | PoliceAssistanceRequested, PoliceAssistanceGranted, PoliceAssistanceRefused, KeysReturned
     * EVICTED (expulsion réalisée)        | —
     * LEFT (remise des clés)              | HearingHeld³, JudgmentDelivered³
     * CLOSED (clôturé)                    | nothing, not even the acts at any stage
     * ¹ after a judgment that terminates the lease; ² after a judgment that does not (the landlord starts again);
     * ³ on a summons still pending (the court hears and rules after the household has left).
     * </pre>
     */
    static final Map<Stage, Set<ActType>> ALLOWED = new EnumMap<>(Stage.class);

    static {
        allow(Stage.PRE_LITIGATION, ActType.PAYMENT_ORDER_SERVED, ActType.SUMMONS_SERVED, ActType.KEYS_RETURNED);
        allow(Stage.PAYMENT_ORDER, ActType.PAYMENT_ORDER_SERVED, ActType.SUMMONS_SERVED, ActType.KEYS_RETURNED);
        allow(Stage.SUMMONS, ActType.SUMMONS_SERVED, ActType.HEARING_HELD, ActType.JUDGMENT_DELIVERED, ActType.KEYS_RETURNED);
        allow(Stage.HEARING, ActType.HEARING_HELD, ActType.JUDGMENT_DELIVERED, ActType.KEYS_RETURNED);
        allow(Stage.JUDGMENT, ActType.NOTICE_TO_QUIT_SERVED, ActType.PAYMENT_ORDER_SERVED, ActType.SUMMONS_SERVED, ActType.KEYS_RETURNED);
        allow(Stage.NOTICE_TO_QUIT, ActType.POLICE_ASSISTANCE_REQUESTED, ActType.KEYS_RETURNED);
        allow(Stage.POLICE_ASSISTANCE_REQUESTED, ActType.POLICE_ASSISTANCE_GRANTED, ActType.POLICE_ASSISTANCE_REFUSED,
                ActType.POLICE_ASSISTANCE_IMPLICITLY_REFUSED, ActType.KEYS_RETURNED);
        allow(Stage.POLICE_ASSISTANCE_GRANTED, ActType.EVICTION_SCHEDULED, ActType.EVICTION_CARRIED_OUT, ActType.KEYS_RETURNED);
        allow(Stage.POLICE_ASSISTANCE_REFUSED, ActType.POLICE_ASSISTANCE_REQUESTED, ActType.POLICE_ASSISTANCE_GRANTED,
                ActType.POLICE_ASSISTANCE_REFUSED, ActType.KEYS_RETURNED);
        allow(Stage.EVICTED);
        allow(Stage.LEFT, ActType.HEARING_HELD, ActType.JUDGMENT_DELIVERED);
        ALLOWED.put(Stage.CLOSED, Set.of());
    }

    /**
     * The acts the table allows at a stage ({@link #ALLOWED}): what a form may offer on a dossier at
     * that stage. The act's own conditions ({@link #GUARDS}) and its legal date are still judged
     * when it is recorded ({@link #refusal}).
     */
    public static Set<ActType> allowedAt(Stage stage) {
        return ALLOWED.getOrDefault(stage, Set.of());
    }

    private static void allow(Stage stage, ActType... mainLine) {
        Set<ActType> acts = EnumSet.copyOf(AT_ANY_STAGE);
        acts.addAll(List.of(mainLine));
        ALLOWED.put(stage, Collections.unmodifiableSet(acts));
    }

    /** Why the table refuses an act at a stage (the reason the 409 gives). */
    private static final Map<ActType, String> OUT_OF_ORDER = new EnumMap<>(Map.ofEntries(
            Map.entry(ActType.PAYMENT_ORDER_SERVED, "le commandement de payer précède toute assignation"),
            Map.entry(ActType.SUMMONS_SERVED, "l'assignation précède l'audience et le jugement"),
            Map.entry(ActType.HEARING_HELD, "une audience ou un jugement suppose une assignation pendante devant le tribunal"),
            Map.entry(ActType.JUDGMENT_DELIVERED, "une audience ou un jugement suppose une assignation pendante devant le tribunal"),
            Map.entry(ActType.NOTICE_TO_QUIT_SERVED, "un commandement de quitter les lieux suppose un jugement qui résilie le bail"),
            Map.entry(ActType.POLICE_ASSISTANCE_REQUESTED, "le concours de la force publique se requiert après un commandement de quitter les lieux"),
            Map.entry(ActType.POLICE_ASSISTANCE_GRANTED, "le préfet statue sur une réquisition du concours de la force publique en cours"),
            Map.entry(ActType.POLICE_ASSISTANCE_REFUSED, "le préfet statue sur une réquisition du concours de la force publique en cours"),
            Map.entry(ActType.POLICE_ASSISTANCE_IMPLICITLY_REFUSED, "un refus implicite suppose une réquisition du concours de la force publique en cours"),
            Map.entry(ActType.EVICTION_SCHEDULED, "une expulsion se programme une fois le concours de la force publique accordé"),
            Map.entry(ActType.EVICTION_CARRIED_OUT, "une expulsion se réalise une fois le concours de la force publique accordé"),
            Map.entry(ActType.KEYS_RETURNED, "le ménage a déjà quitté les lieux")));

    /** A condition on the dossier, beyond its stage, that an act needs (<i>condition</i>), with the reason when it fails. */
    private record Guard(Predicate<Facts> holds, String reason) {
    }

    /** The conditions beyond the stage, on the dossier as of the act's legal date; each act's in order. */
    private static final Map<ActType, List<Guard>> GUARDS = new EnumMap<>(ActType.class);

    static {
        Guard claimFailed = new Guard(f -> f.stage != Stage.JUDGMENT || !f.terminated(),
                "après un jugement qui résilie le bail, la procédure se poursuit par le commandement de quitter les lieux");
        GUARDS.put(ActType.PAYMENT_ORDER_SERVED, List.of(claimFailed));
        GUARDS.put(ActType.SUMMONS_SERVED, List.of(claimFailed));
        Guard pendingAfterDeparture = new Guard(f -> f.stage != Stage.LEFT || (f.summonsOn != null && f.judgmentOutcome == null),
                OUT_OF_ORDER.get(ActType.HEARING_HELD));
        GUARDS.put(ActType.HEARING_HELD, List.of(pendingAfterDeparture));
        GUARDS.put(ActType.JUDGMENT_DELIVERED, List.of(pendingAfterDeparture));
        GUARDS.put(ActType.NOTICE_TO_QUIT_SERVED, List.of(new Guard(Facts::terminated, OUT_OF_ORDER.get(ActType.NOTICE_TO_QUIT_SERVED))));
        GUARDS.put(ActType.JUDGMENT_SERVED, List.of(new Guard(f -> f.judgmentOutcome != null, "aucun jugement n'a été rendu")));
        GUARDS.put(ActType.REPAYMENT_PLAN_BROKEN, List.of(new Guard(f -> f.repaymentPlanActive, "aucun plan d'apurement n'est en cours")));
        Guard diagnosis = new Guard(f -> f.socialDiagnosisRequested || f.summonsOn != null, "aucun diagnostic social et financier n'a été demandé");
        GUARDS.put(ActType.SOCIAL_DIAGNOSIS_DELIVERED, List.of(diagnosis));
        GUARDS.put(ActType.SOCIAL_DIAGNOSIS_NOT_DELIVERED, List.of(diagnosis));
        GUARDS.put(ActType.EVICTION_MEASURES_SUSPENDED, List.of(new Guard(f -> f.overIndebtednessAdmitted,
                "aucun dossier de surendettement n'a été déclaré recevable")));
        GUARDS.put(ActType.DALO_PRIORITY_RECOGNISED, List.of(new Guard(f -> f.daloAppealFiled, "aucun recours DALO n'a été déposé")));
        GUARDS.put(ActType.SOCIAL_COHESION_PROTOCOL_SIGNED, List.of(
                new Guard(f -> f.opened.parc() == Parc.PUBLIC, "un protocole de cohésion sociale ne concerne que le logement social (parc public)"),
                new Guard(Facts::terminated, "un protocole de cohésion sociale suit un jugement qui résilie le bail")));
        GUARDS.put(ActType.HEARING_POSTPONED, List.of(new Guard(f -> f.summonsOn != null && f.judgmentOutcome == null,
                "un renvoi de l'audience suppose une assignation pendante devant le tribunal")));
        GUARDS.put(ActType.GRACE_PERIOD_GRANTED, List.of(new Guard(Facts::terminated,
                "des délais pour quitter les lieux suivent un jugement qui résilie le bail")));
        GUARDS.put(ActType.NEW_LEASE_SIGNED, List.of(new Guard(Facts::terminated, "un nouveau bail suit un jugement qui résilie le bail")));
    }

    /** An act placed among the dossier's acts: on its legal date, or just after the act it follows when dated before it. */
    private record Placed(CaseEvent act, LocalDate on, int recorded) {
    }

    private static final Comparator<Placed> LEGAL_ORDER = Comparator.comparing(Placed::on).thenComparingInt(Placed::recorded);

    /** Why an act does not fit, and the stage as of its date. */
    public record Refusal(Stage stage, String reason) {
    }

    private CaseOpened opened;
    /** The dossier's acts between the opening and the closure, in recording order, each with its place. */
    private final List<Placed> acts = new ArrayList<>();
    private CaseClosed closed;
    /** Bookkeeping, in recording order: the implicit refusal not withdrawn, the irregularities not withdrawn. */
    private LocalDate implicitRefusalOn;
    private final List<Irregularity> irregularitiesStanding = new ArrayList<>();
    /** The acts folded in legal order (computed when asked, after each recorded act). */
    private Facts facts;

    public static CaseState of(Iterable<? extends CaseEvent> events) {
        CaseState state = new CaseState();
        events.forEach(state::apply);
        return state;
    }

    /**
     * Why the procedure does not allow this act (with the stage as of its legal date), or empty when
     * it does. An act that really happened but is dated before the act it follows is allowed (and
     * flagged by {@link #irregularities}); only what no legal order of the dossier's acts allows is refused.
     */
    public Optional<Refusal> refusal(CaseEvent act) {
        Stage now = stage();
        if (act instanceof PersonalDataErased) return Optional.empty(); // erasure is bookkeeping: at any stage, closure included
        if (closed != null) return Optional.of(new Refusal(now, "le dossier est clos ; aucun acte ne peut être enregistré après sa clôture"));
        ActType type = ActType.of(act);
        if (act instanceof CaseOpened) return Optional.of(new Refusal(now, "le dossier est déjà ouvert"));
        if (act instanceof ImplicitRefusalWithdrawn) {
            return implicitRefusalOn != null ? Optional.empty() : Optional.of(new Refusal(now, "no implicit refusal stands to be withdrawn"));
        }
        if (act instanceof IrregularityWithdrawn w) {
            return irregularitiesStanding.contains(w.code()) ? Optional.empty()
                    : Optional.of(new Refusal(now, "no " + w.code() + " irregularity stands to be withdrawn"));
        }
        if (type.bookkeeping()) return Optional.empty();
        if (act instanceof CaseClosed) return Optional.empty(); // always last: allowed at every stage of an open dossier
        Refusal atItsDate = fit(act, act.occurredOn());
        if (atItsDate == null) return Optional.empty();
        LocalDate follows = prerequisiteOn(act);
        if (follows != null && act.occurredOn().isBefore(follows) && fit(act, follows) == null) return Optional.empty();
        return Optional.of(atItsDate);
    }

    /** The refusal when the act is placed on this date among the dossier's acts, or null when the path stays valid. */
    private Refusal fit(CaseEvent act, LocalDate on) {
        boolean pathValid = facts().violation == null; // a dossier recorded before this rule may be out of legal order: then only the act is judged
        List<Placed> path = new ArrayList<>(acts);
        Placed placed = new Placed(act, on, acts.size());
        path.add(placed);
        path.sort(LEGAL_ORDER);
        Facts f = new Facts(opened);
        Stage atItsDate = null;
        for (Placed p : path) {
            if (p == placed) {
                atItsDate = f.stage;
                String reason = f.check(act);
                if (reason != null) return new Refusal(atItsDate, reason);
            } else if (atItsDate != null && pathValid && !f.isVoid(p.act())) {
                String reason = f.check(p.act());
                if (reason != null) {
                    return new Refusal(atItsDate, "placé à sa date (" + on + "), il rendrait impossible l'acte " + p.act().getClass().getSimpleName()
                            + " du " + p.act().occurredOn() + " déjà enregistré : " + reason);
                }
            }
            f.fold(p.act());
        }
        return null;
    }

    /** Where a recorded act goes: its legal date, or just after the act it follows when it fits only there (see {@link #irregularities}). */
    private LocalDate placement(CaseEvent act) {
        LocalDate follows = prerequisiteOn(act);
        if (follows == null || !act.occurredOn().isBefore(follows) || fit(act, act.occurredOn()) == null) return act.occurredOn();
        return fit(act, follows) == null ? follows : act.occurredOn();
    }

    /** The date of the act this act follows on the main line, when the dossier has one (the irregularities compare them). */
    private LocalDate prerequisiteOn(CaseEvent act) {
        Facts f = facts();
        if (act instanceof SummonsServed && f.stage == Stage.PAYMENT_ORDER) return f.paymentOrderOn;
        if (act instanceof HearingHeld || act instanceof JudgmentDelivered) return f.summonsOn;
        if (act instanceof NoticeToQuitServed) return f.judgmentOn;
        if (act instanceof PoliceAssistanceRequested) return f.noticeToQuitOn;
        if (act instanceof PoliceAssistanceGranted || act instanceof PoliceAssistanceRefused) return f.policeRequestedOn;
        if (act instanceof EvictionCarriedOut) return f.policeDecisionOn;
        return null;
    }

    private static String prerequisiteName(CaseEvent act) {
        if (act instanceof SummonsServed) return "PaymentOrderServed";
        if (act instanceof HearingHeld || act instanceof JudgmentDelivered) return "SummonsServed";
        if (act instanceof NoticeToQuitServed) return "JudgmentDelivered";
        if (act instanceof PoliceAssistanceRequested) return "NoticeToQuitServed";
        if (act instanceof PoliceAssistanceGranted || act instanceof PoliceAssistanceRefused) return "PoliceAssistanceRequested";
        return "PoliceAssistanceGranted";
    }

    /** The dossier's acts folded in legal order. */
    private Facts facts() {
        if (facts == null) {
            Facts f = new Facts(opened);
            List<Placed> path = new ArrayList<>(acts);
            path.sort(LEGAL_ORDER);
            for (Placed p : path) {
                if (f.violation == null && !f.isVoid(p.act())) {
                    String reason = f.check(p.act());
                    if (reason != null) f.violation = reason;
                }
                f.fold(p.act());
            }
            if (closed != null) f.fold(closed);
            facts = f;
        }
        return facts;
    }

    /**
     * Irregularities this act reveals, judged from the legal dates of the acts already recorded: an
     * act dated before the act it follows, an eviction in the winter truce, before the execution
     * date or during a suspension.
     */
    public List<IrregularityFlagged> irregularities(CaseEvent act) {
        List<IrregularityFlagged> found = new ArrayList<>();
        Facts f = facts();
        String name = act.getClass().getSimpleName();
        LocalDate on = act.occurredOn();
        LocalDate prerequisite = prerequisiteOn(act);
        if (prerequisite != null && on.isBefore(prerequisite)) {
            found.add(flag(act, Irregularity.ACT_DATED_BEFORE_PREREQUISITE,
                    name + " dated " + on + " is before " + prerequisiteName(act) + " dated " + prerequisite));
        }
        if (act instanceof EvictionCarriedOut) {
            if (WinterTruce.covers(on)) {
                found.add(flag(act, Irregularity.EVICTION_DURING_WINTER_TRUCE,
                        "eviction on " + on + " falls inside the winter truce (1 November to 31 March)"));
            }
            if (f.executionPossibleFrom != null && on.isBefore(f.executionPossibleFrom)) {
                found.add(flag(act, Irregularity.EVICTION_BEFORE_EXECUTION_DATE,
                        "eviction on " + on + " is before the execution date " + f.executionPossibleFrom + " set with the police assistance"));
            }
            if (f.evictionMeasuresSuspendedUntil != null && !on.isAfter(f.evictionMeasuresSuspendedUntil)) {
                found.add(flag(act, Irregularity.EVICTION_DURING_SUSPENSION,
                        "eviction on " + on + " while eviction measures are suspended until " + f.evictionMeasuresSuspendedUntil));
            }
        }
        return found;
    }

    private IrregularityFlagged flag(CaseEvent act, Irregularity code, String detail) {
        // The dossier establishes the irregularity, not the partner whose act revealed it.
        return new IrregularityFlagged(act.caseId(), act.occurredOn(), RecordedBy.procedure(), code, act.getClass().getSimpleName(), detail);
    }

    /** Folds one event, in recording order, into the state: an act takes its place among the dossier's acts. */
    public CaseState apply(CaseEvent event) {
        if (event instanceof CaseOpened o) {
            opened = o;
        } else if (event instanceof CaseClosed c) {
            closed = c;
        } else if (event instanceof IrregularityFlagged f) {
            irregularitiesStanding.add(f.code());
        } else if (event instanceof IrregularityWithdrawn w) {
            irregularitiesStanding.remove(w.code());
        } else if (event instanceof ImplicitRefusalWithdrawn) {
            implicitRefusalOn = null;
        } else if (!ActType.of(event).bookkeeping()) {
            if (event instanceof PoliceAssistanceImplicitlyRefused) implicitRefusalOn = event.occurredOn();
            acts.add(new Placed(event, placement(event), acts.size()));
        }
        facts = null;
        return this;
    }

    /**
     * The debt this event reports (<i>montant de la dette</i>): the opening debt, an unpaid-rent
     * report's amount, the debt claimed in a payment order; otherwise {@code current}. Applied in
     * legal order by {@link #debt()}.
     */
    public static java.math.BigDecimal debtAfter(java.math.BigDecimal current, CaseEvent event) {
        if (event instanceof CaseOpened o) return o.debt();
        if (event instanceof UnpaidRentReported u && u.amount() != null) return u.amount();
        if (event instanceof PaymentOrderServed p && p.debtClaimed() != null) return p.debtClaimed();
        return current;
    }

    /**
     * The dossier's debt: the amount of the latest act by legal date that reports one (same date:
     * the one recorded last), else the opening debt; not the amount recorded last, which a late
     * report of an older amount would make wrong.
     */
    public java.math.BigDecimal debt() { return facts().debt; }

    /**
     * The stage a dossier reaches with this act, placed after acts that left it at {@code current}:
     * it depends on the act alone, except that the court's acts on a household that has already left
     * keep it {@code LEFT}.
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

    /** The stage after the latest act by legal date (the closure, once recorded). */
    public Stage stage() { return facts().stage; }

    public CaseOpened opened() { return opened; }

    public LocalDate paymentOrderOn() { return facts().paymentOrderOn; }

    public LocalDate summonsOn() { return facts().summonsOn; }

    public LocalDate hearingOn() { return facts().hearingOn; }

    public JudgmentDelivered.Outcome judgmentOutcome() { return facts().judgmentOutcome; }

    public LocalDate executionPossibleFrom() { return facts().executionPossibleFrom; }

    public Set<SupportMeasure> activeSupportMeasures() { return Set.copyOf(facts().activeSupportMeasures); }

    public CaseOutcome closedWith() { return closed == null ? null : closed.outcome(); }

    /** The dossier as of a point of its legal order: its stage and what later acts depend on. */
    private static final class Facts {
        private final CaseOpened opened;
        private Stage stage = Stage.PRE_LITIGATION;
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
        private java.math.BigDecimal debt;
        /** The first act out of legal order in a dossier recorded before the order was judged by legal date. */
        private String violation;

        private Facts(CaseOpened opened) {
            this.opened = opened;
            this.debt = opened == null ? null : opened.debt();
        }

        private boolean terminated() {
            return judgmentOutcome != null && judgmentOutcome.terminates();
        }

        /** Why the table or a guard refuses this act here, or null. */
        private String check(CaseEvent act) {
            ActType type = ActType.of(act);
            if (!ALLOWED.get(stage).contains(type)) {
                return stage == Stage.CLOSED ? "le dossier est clos ; aucun acte ne peut être enregistré après sa clôture"
                        : OUT_OF_ORDER.getOrDefault(type, "l'étape " + stage.french() + " ne permet pas cet acte");
            }
            if (act instanceof SupportMeasureEnded ended && !activeSupportMeasures.contains(ended.kind())) {
                return "aucune mesure d'accompagnement " + ended.kind() + " n'est en cours";
            }
            for (Guard guard : GUARDS.getOrDefault(type, List.of())) {
                if (!guard.holds().test(this)) return guard.reason();
            }
            return null;
        }

        /** An implicit refusal after the préfet's decision: the silence it concluded from was not one. */
        private boolean isVoid(CaseEvent act) {
            return act instanceof PoliceAssistanceImplicitlyRefused
                    && (stage == Stage.POLICE_ASSISTANCE_GRANTED || stage == Stage.POLICE_ASSISTANCE_REFUSED);
        }

        private void fold(CaseEvent event) {
            if (isVoid(event)) return;
            LocalDate on = event.occurredOn();
            stage = stageAfter(stage, event);
            if (!(event instanceof CaseOpened)) debt = debtAfter(debt, event);
            if (event instanceof PaymentOrderServed) {
                paymentOrderOn = on;
            } else if (event instanceof SummonsServed s) {
                summonsOn = on; hearingOn = s.hearingOn();
            } else if (event instanceof HearingPostponed p) {
                hearingOn = p.hearingOn();
            } else if (event instanceof JudgmentDelivered j) {
                judgmentOn = on; judgmentOutcome = j.outcome();
            } else if (event instanceof NoticeToQuitServed) {
                noticeToQuitOn = on;
            } else if (event instanceof PoliceAssistanceRequested) {
                policeRequestedOn = on;
            } else if (event instanceof PoliceAssistanceGranted g) {
                policeDecisionOn = on; executionPossibleFrom = g.executionPossibleFrom();
            } else if (event instanceof PoliceAssistanceImplicitlyRefused || event instanceof PoliceAssistanceRefused) {
                policeDecisionOn = on;
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
            }
        }
    }
}
