package fr.prevexp.engine;

import fr.prevexp.engine.events.*;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static fr.prevexp.engine.Dossier.*;
import static org.assertj.core.api.Assertions.assertThat;

class CaseStateTest {
    /** The stage each act leads to; acts absent from the map leave the stage as it was. */
    private static final Map<ActType, Stage> STAGE_AFTER = new EnumMap<>(ActType.class);
    /** Acts off the main line: recorded at any stage, they leave it alone. */
    private static final List<ActType> SIDE_ACTS = List.of(ActType.CASE_OPENED, ActType.UNPAID_RENT_REPORTED,
            ActType.CCAPEX_REFERRAL_RECEIVED, ActType.REPAYMENT_PLAN_AGREED, ActType.REPAYMENT_PLAN_BROKEN,
            ActType.HOUSING_FUND_AID_GRANTED, ActType.SOCIAL_DIAGNOSIS_REQUESTED, ActType.SOCIAL_DIAGNOSIS_DELIVERED,
            ActType.SOCIAL_DIAGNOSIS_NOT_DELIVERED, ActType.JUDGMENT_SERVED, ActType.EVICTION_SCHEDULED,
            ActType.OVER_INDEBTEDNESS_FILE_ADMITTED, ActType.EVICTION_MEASURES_SUSPENDED, ActType.DALO_APPEAL_FILED,
            ActType.DALO_PRIORITY_RECOGNISED, ActType.HOUSEHOLD_REHOUSED, ActType.SOCIAL_COHESION_PROTOCOL_SIGNED,
            ActType.NEW_LEASE_SIGNED, ActType.SUPPORT_MEASURE_STARTED, ActType.SUPPORT_MEASURE_ENDED, ActType.CCAPEX_EXAMINED, ActType.PARTNER_DESIGNATED,
            ActType.DEADLINE_SCHEDULED, ActType.DEADLINE_ELAPSED, ActType.DEADLINE_MET, ActType.DEADLINE_CANCELLED,
            ActType.IRREGULARITY_FLAGGED, ActType.DEADLINE_CORRECTED, ActType.IMPLICIT_REFUSAL_WITHDRAWN, ActType.IRREGULARITY_WITHDRAWN,
            ActType.DEADLINE_RESCHEDULED, ActType.HEARING_POSTPONED, ActType.GRACE_PERIOD_GRANTED, ActType.PERSONAL_DATA_ERASED);

    static {
        STAGE_AFTER.put(ActType.PAYMENT_ORDER_SERVED, Stage.PAYMENT_ORDER);
        STAGE_AFTER.put(ActType.SUMMONS_SERVED, Stage.SUMMONS);
        STAGE_AFTER.put(ActType.HEARING_HELD, Stage.HEARING);
        STAGE_AFTER.put(ActType.JUDGMENT_DELIVERED, Stage.JUDGMENT);
        STAGE_AFTER.put(ActType.NOTICE_TO_QUIT_SERVED, Stage.NOTICE_TO_QUIT);
        STAGE_AFTER.put(ActType.POLICE_ASSISTANCE_REQUESTED, Stage.POLICE_ASSISTANCE_REQUESTED);
        STAGE_AFTER.put(ActType.POLICE_ASSISTANCE_GRANTED, Stage.POLICE_ASSISTANCE_GRANTED);
        STAGE_AFTER.put(ActType.POLICE_ASSISTANCE_REFUSED, Stage.POLICE_ASSISTANCE_REFUSED);
        STAGE_AFTER.put(ActType.POLICE_ASSISTANCE_IMPLICITLY_REFUSED, Stage.POLICE_ASSISTANCE_REFUSED);
        STAGE_AFTER.put(ActType.EVICTION_CARRIED_OUT, Stage.EVICTED);
        STAGE_AFTER.put(ActType.KEYS_RETURNED, Stage.LEFT);
        STAGE_AFTER.put(ActType.CASE_CLOSED, Stage.CLOSED);
    }

    @Test
    void everyActIsEitherAStepOrASideAct() {
        List<ActType> unclassified = Arrays.stream(ActType.values())
                .filter(t -> !STAGE_AFTER.containsKey(t) && !SIDE_ACTS.contains(t)).toList();
        assertThat(unclassified).as("acts with no expected stage in this test").isEmpty();
        assertThat(SIDE_ACTS).doesNotContainAnyElementsOf(STAGE_AFTER.keySet());
    }

    @Test
    void theStageAfterAnActDependsOnTheActAlone() {
        for (ActType type : ActType.values()) {
            CaseEvent act = type == ActType.CASE_OPENED ? opened(Parc.PRIVATE) : ActExamples.ALL.get(type).act();
            for (Stage current : Stage.values()) {
                boolean courtAfterDeparture = current == Stage.LEFT
                        && (type == ActType.HEARING_HELD || type == ActType.JUDGMENT_DELIVERED);
                assertThat(CaseState.stageAfter(current, act)).as(type + " at " + current)
                        .isEqualTo(courtAfterDeparture ? Stage.LEFT : STAGE_AFTER.getOrDefault(type, current));
            }
        }
    }

    @Test
    void theStageAfterEachLegalActIsTheStageItLeadsTo() {
        for (ActExamples.Example example : ActExamples.ALL.values()) {
            Stage before = CaseState.of(example.given()).stage();
            CaseState after = CaseState.of(plus(example.given(), example.act()));
            assertThat(after.stage()).as(example.type() + " after " + before)
                    .isEqualTo(STAGE_AFTER.getOrDefault(example.type(), before));
        }
        assertThat(CaseState.of(List.of(opened(Parc.PUBLIC))).stage()).isEqualTo(Stage.PRE_LITIGATION);
    }

    @Test
    void theStateRemembersWhatLaterActsDependOn() {
        CaseState state = CaseState.of(plus(upTo(Stage.POLICE_ASSISTANCE_GRANTED),
                new CaseClosed(ID, d("2025-06-01"), CCAPEX, CaseOutcome.EVICTED)));
        assertThat(state.opened()).isEqualTo(opened(Parc.PRIVATE));
        assertThat(state.paymentOrderOn()).isEqualTo(d("2024-02-01"));
        assertThat(state.summonsOn()).isEqualTo(d("2024-04-02"));
        assertThat(state.judgmentOutcome()).isEqualTo(JudgmentDelivered.Outcome.TERMINATION);
        assertThat(state.executionPossibleFrom()).isEqualTo(d("2025-04-01"));
        assertThat(state.closedWith()).isEqualTo(CaseOutcome.EVICTED);
        CaseState ended = CaseState.of(plus(upTo(Stage.PRE_LITIGATION),
                new SupportMeasureStarted(ID, d("2024-02-01"), SOCIAL, SupportMeasure.ASLL),
                new SupportMeasureStarted(ID, d("2024-02-01"), SOCIAL, SupportMeasure.MASP),
                new SupportMeasureEnded(ID, d("2025-02-01"), SOCIAL, SupportMeasure.ASLL)));
        assertThat(ended.activeSupportMeasures()).containsExactly(SupportMeasure.MASP);
    }

    @Test
    void theRulesRefuseWhatTheProcedureCannotReachAndFlagWhatIsLate() {
        CaseState heard = CaseState.of(upTo(Stage.HEARING));
        assertThat(heard.refusal(noticeToQuit())).hasValueSatisfying(r -> assertThat(r.reason()).contains("jugement"));
        assertThat(heard.refusal(judgment(JudgmentDelivered.Outcome.TERMINATION))).isEmpty();
        CaseState granted = CaseState.of(upTo(Stage.POLICE_ASSISTANCE_GRANTED));
        EvictionCarriedOut december = new EvictionCarriedOut(ID, d("2025-12-02"), COMMISSAIRE, false);
        assertThat(granted.refusal(december)).isEmpty();
        assertThat(granted.irregularities(december)).extracting(IrregularityFlagged::code)
                .containsExactly(Irregularity.EVICTION_DURING_WINTER_TRUCE);
        assertThat(granted.irregularities(new EvictionCarriedOut(ID, d("2025-04-15"), COMMISSAIRE, false))).isEmpty();
        CaseState closed = CaseState.of(plus(upTo(Stage.PAYMENT_ORDER), new CaseClosed(ID, d("2024-03-01"), CCAPEX, CaseOutcome.OTHER)));
        assertThat(closed.refusal(new UnpaidRentReported(ID, d("2024-03-02"), CAF, null, null))).isPresent();
    }

    @Test
    void theStageFollowsTheMainLine() {
        for (Stage stage : List.of(Stage.PRE_LITIGATION, Stage.PAYMENT_ORDER, Stage.SUMMONS, Stage.HEARING, Stage.JUDGMENT,
                Stage.NOTICE_TO_QUIT, Stage.POLICE_ASSISTANCE_REQUESTED, Stage.POLICE_ASSISTANCE_GRANTED)) {
            assertThat(CaseState.of(upTo(stage)).stage()).isEqualTo(stage);
        }
        assertThat(CaseState.of(plus(upTo(Stage.POLICE_ASSISTANCE_GRANTED), new EvictionCarriedOut(ID, d("2025-04-15"), COMMISSAIRE, true))).stage())
                .isEqualTo(Stage.EVICTED);
        assertThat(CaseState.of(plus(upTo(Stage.NOTICE_TO_QUIT), new KeysReturned(ID, d("2024-10-01"), COMMISSAIRE))).stage())
                .isEqualTo(Stage.LEFT);
        assertThat(CaseState.of(plus(upTo(Stage.POLICE_ASSISTANCE_REQUESTED), new PoliceAssistanceImplicitlyRefused(ID, d("2025-01-06"), PROCEDURE))).stage())
                .isEqualTo(Stage.POLICE_ASSISTANCE_REFUSED);
        assertThat(CaseState.of(plus(upTo(Stage.SUMMONS), new CaseClosed(ID, d("2024-05-01"), CCAPEX, CaseOutcome.DEBT_CLEARED))).stage())
                .isEqualTo(Stage.CLOSED);
    }

    @Test
    void theTableIsWhatJudgesAnActAtTheEndOfTheDossier() {
        assertThat(CaseState.ALLOWED.keySet()).containsExactlyInAnyOrder(Stage.values());
        List<ActType> mainLine = List.copyOf(STAGE_AFTER.keySet()).stream()
                .filter(t -> t != ActType.CASE_CLOSED).toList();
        for (Stage stage : List.of(Stage.PRE_LITIGATION, Stage.PAYMENT_ORDER, Stage.SUMMONS, Stage.HEARING, Stage.JUDGMENT,
                Stage.NOTICE_TO_QUIT, Stage.POLICE_ASSISTANCE_REQUESTED, Stage.POLICE_ASSISTANCE_GRANTED)) {
            CaseState state = CaseState.of(upTo(stage));
            for (ActType type : List.copyOf(mainLine)) {
                // dated after every act of the dossier, so that it is judged at the dossier's stage
                CaseEvent act = Dossier.with(ActExamples.ALL.get(type).act(), "occurredOn", d("2025-06-02"));
                boolean claimFailedOnly = stage == Stage.JUDGMENT && (type == ActType.PAYMENT_ORDER_SERVED || type == ActType.SUMMONS_SERVED);
                assertThat(state.refusal(act).isEmpty()).as(type + " at " + stage)
                        .isEqualTo(CaseState.ALLOWED.get(stage).contains(type) && !claimFailedOnly);
                state.refusal(act).ifPresent(r -> assertThat(r.stage()).isEqualTo(stage));
            }
        }
    }

    @Test
    void theStageIsTheStageOfTheLatestActByLegalDate() {
        List<CaseEvent> left = plus(upTo(Stage.NOTICE_TO_QUIT), new KeysReturned(ID, d("2024-12-01"), BAILLEUR));
        CaseState state = CaseState.of(plus(left, policeRequested()));
        assertThat(state.stage()).isEqualTo(Stage.LEFT);
        // the same acts recorded in legal order give the same stage
        assertThat(CaseState.of(plus(upTo(Stage.NOTICE_TO_QUIT), policeRequested(), new KeysReturned(ID, d("2024-12-01"), BAILLEUR))).stage())
                .isEqualTo(Stage.LEFT);
        // an act dated before the dossier's latest act does not move the stage, a later one does
        CaseState judged = CaseState.of(plus(upTo(Stage.SUMMONS), judgment(JudgmentDelivered.Outcome.TERMINATION), hearing()));
        assertThat(judged.stage()).isEqualTo(Stage.JUDGMENT);
        assertThat(judged.refusal(noticeToQuit())).isEmpty();
        // the refusal names the stage as of the act's date, not the current one
        assertThat(state.refusal(new NoticeToQuitServed(ID, d("2024-05-02"), COMMISSAIRE)))
                .hasValueSatisfying(r -> assertThat(r.stage()).isEqualTo(Stage.SUMMONS));
    }

    @Test
    void sideActsLeaveTheStageAlone() {
        CaseState state = CaseState.of(plus(upTo(Stage.SUMMONS),
                new SocialDiagnosisRequested(ID, d("2024-04-10"), PREFECTURE, null),
                new SupportMeasureStarted(ID, d("2024-04-12"), SOCIAL, SupportMeasure.ASLL),
                new DeadlineScheduled(ID, d("2024-04-02"), PROCEDURE, DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING, d("2024-04-02"), d("2024-06-19"))));
        assertThat(state.stage()).isEqualTo(Stage.SUMMONS);
        assertThat(state.hearingOn()).isEqualTo(d("2024-06-20"));
        assertThat(state.activeSupportMeasures()).containsExactly(SupportMeasure.ASLL);
    }

    @Test
    void theDebtIsTheLatestAmountReported() {
        BigDecimal debt = null;
        for (CaseEvent e : List.of(opened(Parc.PRIVATE), new UnpaidRentReported(ID, d("2024-01-20"), CAF, new BigDecimal("2500.00"), 3),
                new HearingHeld(ID, d("2024-06-20"), COMMISSAIRE, false), paymentOrder())) {
            debt = CaseState.debtAfter(debt, e);
        }
        assertThat(debt).isEqualByComparingTo("2100.00");
    }
}
