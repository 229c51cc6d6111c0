package fr.prevexp.engine;

import fr.prevexp.engine.events.*;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static fr.prevexp.engine.Dossier.*;

/**
 * One legal example of every act of the vocabulary (the events that make it allowed, the act, who
 * records it), and, where the procedure forbids it somewhere, an illegal one (events after which
 * the act is refused, and the stage the refusal names).
 */
final class ActExamples {
    record Example(ActType type, List<CaseEvent> given, CaseEvent act, List<CaseEvent> refusedAfter, Stage refusedAt) {
        @Override
        public String toString() {
            return type.typeName();
        }
    }

    static final Map<ActType, Example> ALL = new EnumMap<>(ActType.class);

    private static void legal(ActType type, List<CaseEvent> given, CaseEvent act) {
        ALL.put(type, new Example(type, given, act, null, null));
    }

    private static void legal(ActType type, List<CaseEvent> given, CaseEvent act, List<CaseEvent> refusedAfter, Stage refusedAt) {
        ALL.put(type, new Example(type, given, act, refusedAfter, refusedAt));
    }

    static {
        List<CaseEvent> open = upTo(Stage.PRE_LITIGATION);
        List<CaseEvent> summoned = upTo(Stage.SUMMONS);
        List<CaseEvent> judged = upTo(Stage.JUDGMENT);
        List<CaseEvent> requested = upTo(Stage.POLICE_ASSISTANCE_REQUESTED);
        legal(ActType.UNPAID_RENT_REPORTED, open, new UnpaidRentReported(ID, d("2024-01-20"), CAF, new BigDecimal("1500.00"), 2));
        legal(ActType.CCAPEX_REFERRAL_RECEIVED, open, new CcapexReferralReceived(ID, d("2024-01-20"), BAILLEUR, "bailleur", "impayés"));
        legal(ActType.REPAYMENT_PLAN_AGREED, open, new RepaymentPlanAgreed(ID, d("2024-01-25"), BAILLEUR, new BigDecimal("100.00"), 20));
        legal(ActType.REPAYMENT_PLAN_BROKEN,
                plus(open, new RepaymentPlanAgreed(ID, d("2024-01-25"), BAILLEUR, new BigDecimal("100.00"), 20)),
                new RepaymentPlanBroken(ID, d("2024-03-25"), BAILLEUR), open, Stage.PRE_LITIGATION);
        legal(ActType.HOUSING_FUND_AID_GRANTED, open,
                new HousingFundAidGranted(ID, d("2024-02-15"), SOCIAL, new BigDecimal("800.00"), HousingFundAidGranted.AidForm.GRANT));
        // Refused where the dossier had reached the stage by the act's legal date (an act dated before
        // the current stage is placed at its date: a second payment order dated before the summons is legal).
        legal(ActType.PAYMENT_ORDER_SERVED, open, paymentOrder(),
                plus(open, new SummonsServed(ID, d("2024-01-25"), COMMISSAIRE, d("2024-03-20"), "TJ Bobigny")), Stage.SUMMONS);
        legal(ActType.SUMMONS_SERVED, upTo(Stage.PAYMENT_ORDER), summons(),
                plus(upTo(Stage.PAYMENT_ORDER), new SummonsServed(ID, d("2024-02-10"), COMMISSAIRE, d("2024-03-01"), "TJ Bobigny"),
                        new HearingHeld(ID, d("2024-03-01"), COMMISSAIRE, true),
                        new JudgmentDelivered(ID, d("2024-03-20"), COMMISSAIRE, JudgmentDelivered.Outcome.TERMINATION, null, null)),
                Stage.JUDGMENT);
        legal(ActType.SOCIAL_DIAGNOSIS_REQUESTED, summoned, new SocialDiagnosisRequested(ID, d("2024-04-10"), PREFECTURE, "CD 93"));
        legal(ActType.SOCIAL_DIAGNOSIS_DELIVERED, plus(summoned, new SocialDiagnosisRequested(ID, d("2024-04-10"), PREFECTURE, "CD 93")),
                new SocialDiagnosisDelivered(ID, d("2024-06-01"), SOCIAL, d("2024-06-01")), open, Stage.PRE_LITIGATION);
        legal(ActType.SOCIAL_DIAGNOSIS_NOT_DELIVERED, summoned,
                new SocialDiagnosisNotDelivered(ID, d("2024-06-19"), SOCIAL, "ménage injoignable"), open, Stage.PRE_LITIGATION);
        legal(ActType.HEARING_HELD, summoned, hearing(), upTo(Stage.PAYMENT_ORDER), Stage.PAYMENT_ORDER);
        legal(ActType.JUDGMENT_DELIVERED, upTo(Stage.HEARING), judgment(JudgmentDelivered.Outcome.TERMINATION_WITH_PAYMENT_DELAYS),
                upTo(Stage.PAYMENT_ORDER), Stage.PAYMENT_ORDER);
        legal(ActType.HEARING_POSTPONED, summoned, new HearingPostponed(ID, d("2024-06-20"), COMMISSAIRE, d("2024-09-12")),
                upTo(Stage.PAYMENT_ORDER), Stage.PAYMENT_ORDER);
        legal(ActType.GRACE_PERIOD_GRANTED, upTo(Stage.POLICE_ASSISTANCE_GRANTED), new GracePeriodGranted(ID, d("2025-02-10"), COMMISSAIRE, 3),
                upTo(Stage.HEARING), Stage.HEARING);
        legal(ActType.JUDGMENT_SERVED, judged, new JudgmentServed(ID, d("2024-07-25"), COMMISSAIRE), upTo(Stage.HEARING), Stage.HEARING);
        legal(ActType.NOTICE_TO_QUIT_SERVED, judged, noticeToQuit(), upTo(Stage.PAYMENT_ORDER), Stage.PAYMENT_ORDER);
        legal(ActType.POLICE_ASSISTANCE_REQUESTED, upTo(Stage.NOTICE_TO_QUIT), policeRequested(), judged, Stage.JUDGMENT);
        legal(ActType.POLICE_ASSISTANCE_GRANTED, requested, policeGranted(), upTo(Stage.NOTICE_TO_QUIT), Stage.NOTICE_TO_QUIT);
        legal(ActType.POLICE_ASSISTANCE_REFUSED, requested, new PoliceAssistanceRefused(ID, d("2024-12-20"), PREFECTURE),
                upTo(Stage.NOTICE_TO_QUIT), Stage.NOTICE_TO_QUIT);
        legal(ActType.POLICE_ASSISTANCE_IMPLICITLY_REFUSED, requested, new PoliceAssistanceImplicitlyRefused(ID, d("2025-01-06"), PROCEDURE),
                upTo(Stage.NOTICE_TO_QUIT), Stage.NOTICE_TO_QUIT);
        legal(ActType.EVICTION_CARRIED_OUT, upTo(Stage.POLICE_ASSISTANCE_GRANTED),
                new EvictionCarriedOut(ID, d("2025-04-15"), COMMISSAIRE, true), requested, Stage.POLICE_ASSISTANCE_REQUESTED);
        legal(ActType.EVICTION_SCHEDULED, upTo(Stage.POLICE_ASSISTANCE_GRANTED),
                new EvictionScheduled(ID, d("2025-04-02"), COMMISSAIRE, d("2025-04-15")), requested, Stage.POLICE_ASSISTANCE_REQUESTED);
        legal(ActType.KEYS_RETURNED, upTo(Stage.NOTICE_TO_QUIT), new KeysReturned(ID, d("2024-10-01"), COMMISSAIRE),
                // dated before the police request already recorded, it would leave that request impossible: refused at its date's stage
                plus(upTo(Stage.POLICE_ASSISTANCE_GRANTED), new EvictionCarriedOut(ID, d("2025-04-15"), COMMISSAIRE, false)), Stage.NOTICE_TO_QUIT);
        legal(ActType.OVER_INDEBTEDNESS_FILE_ADMITTED, open, new OverIndebtednessFileAdmitted(ID, d("2024-02-20"), BDF));
        legal(ActType.EVICTION_MEASURES_SUSPENDED, plus(open, new OverIndebtednessFileAdmitted(ID, d("2024-02-20"), BDF)),
                new EvictionMeasuresSuspended(ID, d("2024-03-20"), BDF, d("2026-03-20")), open, Stage.PRE_LITIGATION);
        legal(ActType.DALO_APPEAL_FILED, judged, new DaloAppealFiled(ID, d("2024-08-01"), COMED));
        legal(ActType.DALO_PRIORITY_RECOGNISED, plus(judged, new DaloAppealFiled(ID, d("2024-08-01"), COMED)),
                new DaloPriorityRecognised(ID, d("2024-10-01"), COMED), judged, Stage.JUDGMENT);
        legal(ActType.HOUSEHOLD_REHOUSED, judged, new HouseholdRehoused(ID, d("2024-12-01"), COMED, "contingent préfectoral"));
        legal(ActType.SOCIAL_COHESION_PROTOCOL_SIGNED, upTo(Stage.JUDGMENT, Parc.PUBLIC),
                new SocialCohesionProtocolSigned(ID, d("2024-08-01"), BAILLEUR, 24), judged, Stage.JUDGMENT);
        legal(ActType.NEW_LEASE_SIGNED, judged, new NewLeaseSigned(ID, d("2025-02-01"), BAILLEUR), summoned, Stage.SUMMONS);
        legal(ActType.SUPPORT_MEASURE_STARTED, open, new SupportMeasureStarted(ID, d("2024-02-01"), SOCIAL, SupportMeasure.ASLL));
        legal(ActType.SUPPORT_MEASURE_ENDED, plus(open, new SupportMeasureStarted(ID, d("2024-02-01"), SOCIAL, SupportMeasure.ASLL)),
                new SupportMeasureEnded(ID, d("2025-02-01"), SOCIAL, SupportMeasure.ASLL), open, Stage.PRE_LITIGATION);
        legal(ActType.CCAPEX_EXAMINED, summoned, new CcapexExamined(ID, d("2024-05-15"), CCAPEX, "maintien avec plan", List.of("FSL", "ASLL")));
        legal(ActType.PARTNER_DESIGNATED, summoned, new PartnerDesignated(ID, d("2024-04-12"), CCAPEX, "etude-martin"));
        legal(ActType.CASE_CLOSED, judged, new CaseClosed(ID, d("2024-12-31"), CCAPEX, CaseOutcome.KEPT_IN_PLACE));
        legal(ActType.PERSONAL_DATA_ERASED, judged, new PersonalDataErased(ID, d("2024-12-31"), CCAPEX, ErasureGround.REQUEST));
        legal(ActType.DEADLINE_SCHEDULED, upTo(Stage.PAYMENT_ORDER),
                new DeadlineScheduled(ID, d("2024-02-01"), PROCEDURE, DeadlineKind.PAYMENT_ORDER_DELAY, d("2024-02-01"), d("2024-04-01")));
        legal(ActType.DEADLINE_ELAPSED, upTo(Stage.PAYMENT_ORDER),
                new DeadlineElapsed(ID, d("2024-04-02"), PROCEDURE, DeadlineKind.PAYMENT_ORDER_DELAY, d("2024-04-01")));
        legal(ActType.DEADLINE_MET, requested, new DeadlineMet(ID, d("2024-12-20"), PROCEDURE, DeadlineKind.POLICE_ASSISTANCE_DECISION));
        legal(ActType.DEADLINE_CANCELLED, judged,
                new DeadlineCancelled(ID, d("2024-07-15"), PROCEDURE, DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING, "jugement rendu"));
        legal(ActType.IRREGULARITY_FLAGGED, summoned, new IrregularityFlagged(ID, d("2024-04-02"), PROCEDURE,
                Irregularity.SUMMONS_BEFORE_PAYMENT_ORDER_DELAY, "SummonsServed", "exemple de signalement par la procédure"));
        PoliceAssistanceImplicitlyRefused silence = new PoliceAssistanceImplicitlyRefused(ID, d("2025-01-06"), PROCEDURE);
        legal(ActType.DEADLINE_CORRECTED, plus(requested, silence, new PoliceAssistanceGranted(ID, d("2024-12-20"), PREFECTURE, null)),
                new DeadlineCorrected(ID, d("2024-12-20"), PROCEDURE, DeadlineKind.POLICE_ASSISTANCE_DECISION, d("2025-01-05"), DeadlineStatus.MET,
                        "PoliceAssistanceGranted", "accordé dans le délai"));
        legal(ActType.DEADLINE_RESCHEDULED, upTo(Stage.POLICE_ASSISTANCE_GRANTED),
                new DeadlineRescheduled(ID, d("2025-02-10"), PROCEDURE, DeadlineKind.EARLIEST_EVICTION, d("2025-04-01"), d("2025-05-10"),
                        "GracePeriodGranted", "délais de 3 mois accordés par le juge de l'exécution"));
        legal(ActType.IMPLICIT_REFUSAL_WITHDRAWN, plus(requested, silence, new PoliceAssistanceGranted(ID, d("2024-12-20"), PREFECTURE, null)),
                new ImplicitRefusalWithdrawn(ID, d("2024-12-20"), PROCEDURE, d("2025-01-06"), "PoliceAssistanceGranted", "accordé dans le délai"),
                requested, Stage.POLICE_ASSISTANCE_REQUESTED);
        legal(ActType.IRREGULARITY_WITHDRAWN, plus(summoned, new IrregularityFlagged(ID, d("2024-06-20"), PROCEDURE,
                        Irregularity.SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING, "SummonsServed", "aucun DSF")),
                new IrregularityWithdrawn(ID, d("2024-06-12"), PROCEDURE, Irregularity.SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING,
                        "SocialDiagnosisDelivered", "DSF transmis avant l'audience"),
                summoned, Stage.SUMMONS);
    }

    /** Someone allowed to record the act (the procedure for its own acts, else the first trade of the act, else the secretariat). */
    static RecordedBy recorder(ActType type) {
        return ALL.get(type).act().recordedBy();
    }

    private ActExamples() {
    }
}
