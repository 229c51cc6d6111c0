package fr.prevexp.processes;

import fr.prevexp.engine.*;
import fr.prevexp.engine.events.*;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;

import static fr.prevexp.processes.ProcedureHarness.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The procedure model on an in-memory engine, travelling through months with ClockUtil: one test per path of each gateway. */
@Deployment(resources = {"bpmn/procedure-expulsion.bpmn", "dmn/delais-legaux.dmn"})
class ProcedureProcessTest {
    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    ProcessEngine engine;
    ProcedureHarness dossier;

    @BeforeEach
    void start() {
        engine = extension.getProcessEngine();
        BpmnAwareTests.init(engine);
        dossier = new ProcedureHarness(engine, new DepartementSettings());
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        Mocks.reset();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** Opens a private-parc dossier in Saint-Denis on that day, with the lease signed on the given day. */
    private ProcessInstance open(String on, String leaseSignedOn, LandlordKind landlord) {
        dossier.travelTo(d(on)).act(opened(Parc.PRIVATE, landlord, "93066", leaseSignedOn == null ? null : d(leaseSignedOn), d(on)));
        return dossier.bridge.instance(CASE);
    }

    private void onThe(String day, CaseEvent act) {
        dossier.travelTo(d(day)).act(act);
    }

    @Test
    void paymentOrderDelayOfTheOldRegimeElapsesTwoMonthsLater() {
        ProcessInstance pi = open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-02-01", new PaymentOrderServed(CASE, d("2024-02-01"), commissaire(), null));
        assertThat(dossier.scheduled(DeadlineKind.PAYMENT_ORDER_DELAY).dueOn()).isEqualTo(d("2024-04-01"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("Timer_PaymentOrderDelay");
        dossier.travelTo(d("2024-04-01"));
        assertThat(dossier.elapsed(DeadlineKind.PAYMENT_ORDER_DELAY)).as("still running on its last day").isFalse();
        dossier.travelTo(d("2024-04-02"));
        assertThat(dossier.recorded(DeadlineElapsed.class)).containsExactly(
                new DeadlineElapsed(CASE, d("2024-04-02"), RecordedBy.procedure(), DeadlineKind.PAYMENT_ORDER_DELAY, d("2024-04-01")));
    }

    @Test
    void paymentOrderDelayIsSixWeeksForALeaseSignedAfterTheReformAndTwoMonthsWhenUnknown() {
        open("2024-08-01", "2023-09-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-09-02", new PaymentOrderServed(CASE, d("2024-09-02"), commissaire(), null));
        assertThat(dossier.scheduled(DeadlineKind.PAYMENT_ORDER_DELAY).dueOn()).isEqualTo(d("2024-10-14"));
    }

    @Test
    void paymentOrderDelayWithAnUnknownLeaseDateIsTwoMonths() {
        open("2023-12-01", null, LandlordKind.PRIVATE_PERSON);
        onThe("2023-12-31", new PaymentOrderServed(CASE, d("2023-12-31"), commissaire(), null));
        assertThat(dossier.scheduled(DeadlineKind.PAYMENT_ORDER_DELAY).dueOn()).as("leap year: 31 Dec + 2 months").isEqualTo(d("2024-02-29"));
    }

    @Test
    void aSummonsBeforeThePaymentOrderDelayRanOutIsFlagged() {
        open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-02-01", new PaymentOrderServed(CASE, d("2024-02-01"), commissaire(), null));
        onThe("2024-03-15", new SummonsServed(CASE, d("2024-03-15"), commissaire(), d("2024-06-20"), null));
        assertThat(dossier.flags()).containsExactly(Irregularity.SUMMONS_BEFORE_PAYMENT_ORDER_DELAY);
    }

    @Test
    void aSummonsAfterThePaymentOrderDelayIsRegularAndNotifiedInTime() {
        ProcessInstance pi = open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-02-01", new PaymentOrderServed(CASE, d("2024-02-01"), commissaire(), null));
        onThe("2024-04-02", new SummonsServed(CASE, d("2024-04-02"), commissaire(), d("2024-06-20"), null));
        assertThat(dossier.flags()).isEmpty();
        assertThat(dossier.met(DeadlineKind.PREFECT_NOTICE_BEFORE_HEARING)).isTrue();
        assertThat(dossier.scheduled(DeadlineKind.PREFECT_NOTICE_BEFORE_HEARING).dueOn()).as("summons of 2024: 42 days before the hearing").isEqualTo(d("2024-05-09"));
        BpmnAwareTests.assertThat(pi).hasPassed("Gateway_PrefectNoticeInTime", "Task_MeetPrefectNoticeBeforeHearing");
    }

    @Test
    void theOldRegimeCountsTwoMonthsBackFromTheHearing() {
        open("2023-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2023-05-02", new SummonsServed(CASE, d("2023-05-02"), commissaire(), d("2023-06-30"), null));
        assertThat(dossier.scheduled(DeadlineKind.PREFECT_NOTICE_BEFORE_HEARING).dueOn()).isEqualTo(d("2023-04-30"));
        assertThat(dossier.flags()).contains(Irregularity.SUMMONS_TOO_CLOSE_TO_HEARING);
    }

    @Test
    void aSummonsTooCloseToTheHearingIsFlaggedUnderTheNewRegime() {
        open("2024-01-10", "2024-01-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-05-02", new SummonsServed(CASE, d("2024-05-02"), commissaire(), d("2024-06-10"), null));
        assertThat(dossier.scheduled(DeadlineKind.PREFECT_NOTICE_BEFORE_HEARING).dueOn()).as("42 days before the hearing").isEqualTo(d("2024-04-29"));
        assertThat(dossier.flags()).contains(Irregularity.SUMMONS_TOO_CLOSE_TO_HEARING);
        assertThat(dossier.elapsed(DeadlineKind.PREFECT_NOTICE_BEFORE_HEARING)).isTrue();
    }

    @Test
    void aLegalEntityMustWaitTwoMonthsAfterItsCcapexReferral() {
        open("2024-01-10", "2019-05-01", LandlordKind.LEGAL_ENTITY);
        onThe("2024-01-15", new CcapexReferralReceived(CASE, d("2024-01-15"), new RecordedBy(Trade.BAILLEUR, "sa-hlm"), "bailleur", null));
        assertThat(dossier.scheduled(DeadlineKind.CCAPEX_REFERRAL_BEFORE_SUMMONS).dueOn()).isEqualTo(d("2024-03-15"));
        onThe("2024-03-01", new SummonsServed(CASE, d("2024-03-01"), commissaire(), d("2024-06-20"), null));
        assertThat(dossier.flags()).contains(Irregularity.SUMMONS_TOO_SOON_AFTER_CCAPEX_REFERRAL);
    }

    @Test
    void aPrivatePersonHasNoDelayAfterItsReferral() {
        ProcessInstance pi = open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-01-15", new CcapexReferralReceived(CASE, d("2024-01-15"), new RecordedBy(Trade.BAILLEUR, "m-dupont"), "bailleur", null));
        assertThat(dossier.recorded(DeadlineScheduled.class)).isEmpty();
        BpmnAwareTests.assertThat(pi).hasPassed("EndEvent_NoReferralDelay");
    }

    @Test
    void theSocialDiagnosisDeliveredBeforeTheHearingMeetsItsDeadline() {
        open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-04-02", new SummonsServed(CASE, d("2024-04-02"), commissaire(), d("2024-06-20"), null));
        assertThat(dossier.scheduled(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING).dueOn()).isEqualTo(d("2024-06-19"));
        onThe("2024-04-10", new SocialDiagnosisRequested(CASE, d("2024-04-10"), new RecordedBy(Trade.PREFECTURE, "pref"), null));
        assertThat(dossier.scheduled(DeadlineKind.SOCIAL_DIAGNOSIS_INTERVIEW).dueOn()).as("15 working days").isEqualTo(d("2024-05-02"));
        onThe("2024-04-25", new SocialDiagnosisDelivered(CASE, d("2024-04-25"), new RecordedBy(Trade.SERVICE_SOCIAL, "cd"), d("2024-04-25")));
        assertThat(dossier.met(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING)).isTrue();
        assertThat(dossier.met(DeadlineKind.SOCIAL_DIAGNOSIS_INTERVIEW)).isTrue();
        dossier.travelTo(d("2024-07-01"));
        assertThat(dossier.flags()).isEmpty();
    }

    @Test
    void noSocialDiagnosisByTheHearingIsFlagged() {
        open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-04-02", new SummonsServed(CASE, d("2024-04-02"), commissaire(), d("2024-06-20"), null));
        dossier.travelTo(d("2024-06-19"));
        assertThat(dossier.elapsed(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING)).isFalse();
        dossier.travelTo(d("2024-06-20"));
        assertThat(dossier.elapsed(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING)).isTrue();
        assertThat(dossier.flags()).containsExactly(Irregularity.SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING);
    }

    private void summonedAndHeard() {
        open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-04-02", new SummonsServed(CASE, d("2024-04-02"), commissaire(), d("2024-06-20"), null));
        onThe("2024-06-10", new SocialDiagnosisDelivered(CASE, d("2024-06-10"), new RecordedBy(Trade.SERVICE_SOCIAL, "cd"), null));
        onThe("2024-06-20", new HearingHeld(CASE, d("2024-06-20"), commissaire(), true));
    }

    @Test
    void judgmentWithPaymentDelaysOpensThemAndAnOrderToLeaveCancelsThem() {
        summonedAndHeard();
        ProcessInstance pi = dossier.bridge.instance(CASE);
        onThe("2024-07-15", new JudgmentDelivered(CASE, d("2024-07-15"), commissaire(), JudgmentDelivered.Outcome.TERMINATION_WITH_PAYMENT_DELAYS, 24, null));
        assertThat(dossier.scheduled(DeadlineKind.PAYMENT_DELAYS).dueOn()).isEqualTo(d("2026-07-15"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("Gateway_PaymentDelays");
        assertThat(engine.getManagementService().createJobQuery().activityId("Timer_PaymentDelays").count()).isEqualTo(1);
        onThe("2024-11-04", new NoticeToQuitServed(CASE, d("2024-11-04"), commissaire()));
        assertThat(dossier.recorded(DeadlineCancelled.class)).extracting(DeadlineCancelled::kind).containsExactly(DeadlineKind.PAYMENT_DELAYS);
    }

    @Test
    void judgmentWithPaymentDelaysKeptElapsesThem() {
        summonedAndHeard();
        onThe("2024-07-15", new JudgmentDelivered(CASE, d("2024-07-15"), commissaire(), JudgmentDelivered.Outcome.TERMINATION_WITH_PAYMENT_DELAYS, 12, null));
        dossier.travelTo(d("2025-07-16"));
        assertThat(dossier.elapsed(DeadlineKind.PAYMENT_DELAYS)).isTrue();
    }

    @Test
    void judgmentOfTerminationOpensNoDelayButTheGracePeriodGranted() {
        summonedAndHeard();
        ProcessInstance pi = dossier.bridge.instance(CASE);
        onThe("2024-07-15", new JudgmentDelivered(CASE, d("2024-07-15"), commissaire(), JudgmentDelivered.Outcome.TERMINATION, null, 3));
        BpmnAwareTests.assertThat(pi).hasPassed("EndEvent_LeaseTerminated");
        assertThat(dossier.scheduled(DeadlineKind.GRACE_PERIOD).dueOn()).isEqualTo(d("2024-10-15"));
        assertThat(dossier.recorded(DeadlineScheduled.class)).extracting(DeadlineScheduled::kind).doesNotContain(DeadlineKind.PAYMENT_DELAYS);
    }

    @Test
    void aRejectedClaimOpensNothing() {
        summonedAndHeard();
        ProcessInstance pi = dossier.bridge.instance(CASE);
        int before = dossier.recorded.size();
        onThe("2024-07-15", new JudgmentDelivered(CASE, d("2024-07-15"), commissaire(), JudgmentDelivered.Outcome.REJECTED, null, null));
        BpmnAwareTests.assertThat(pi).hasPassed("EndEvent_ClaimRejected", "EndEvent_NoGracePeriod");
        assertThat(dossier.recorded).hasSize(before);
    }

    private void upToNoticeToQuit(String noticeOn) {
        summonedAndHeard();
        onThe("2024-07-15", new JudgmentDelivered(CASE, d("2024-07-15"), commissaire(), JudgmentDelivered.Outcome.TERMINATION, null, null));
        onThe(noticeOn, new NoticeToQuitServed(CASE, d(noticeOn), commissaire()));
    }

    @Test
    void theNoticeToQuitDelayIsTwoMonths() {
        upToNoticeToQuit("2024-08-31");
        assertThat(dossier.scheduled(DeadlineKind.NOTICE_TO_QUIT_DELAY).dueOn()).as("month end").isEqualTo(d("2024-10-31"));
        dossier.travelTo(d("2024-11-01"));
        assertThat(dossier.elapsed(DeadlineKind.NOTICE_TO_QUIT_DELAY)).isTrue();
    }

    @Test
    void thePrefetsSilenceIsAnImplicitRefusal() {
        upToNoticeToQuit("2024-09-02");
        onThe("2024-11-05", new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()));
        assertThat(dossier.scheduled(DeadlineKind.POLICE_ASSISTANCE_DECISION).dueOn()).isEqualTo(d("2025-01-05"));
        dossier.travelTo(d("2025-01-06"));
        assertThat(dossier.elapsed(DeadlineKind.POLICE_ASSISTANCE_DECISION)).isTrue();
        assertThat(dossier.recorded(PoliceAssistanceImplicitlyRefused.class))
                .containsExactly(new PoliceAssistanceImplicitlyRefused(CASE, d("2025-01-06"), RecordedBy.procedure()));
    }

    @Test
    void aRefusalWithinTheWindowMeetsTheDeadline() {
        upToNoticeToQuit("2024-09-02");
        onThe("2024-11-05", new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()));
        onThe("2024-12-20", new PoliceAssistanceRefused(CASE, d("2024-12-20"), new RecordedBy(Trade.PREFECTURE, "pref")));
        dossier.travelTo(d("2025-02-01"));
        assertThat(dossier.met(DeadlineKind.POLICE_ASSISTANCE_DECISION)).isTrue();
        assertThat(dossier.recorded(PoliceAssistanceImplicitlyRefused.class)).isEmpty();
    }

    @Test
    void aGrantInWinterPutsTheEarliestEvictionAfterTheTruce() {
        upToNoticeToQuit("2024-09-02");
        onThe("2024-11-05", new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()));
        onThe("2024-12-10", new PoliceAssistanceGranted(CASE, d("2024-12-10"), new RecordedBy(Trade.PREFECTURE, "pref"), null));
        assertThat(dossier.met(DeadlineKind.POLICE_ASSISTANCE_DECISION)).isTrue();
        assertThat(dossier.scheduled(DeadlineKind.EARLIEST_EVICTION).dueOn()).isEqualTo(d("2025-04-01"));
        dossier.travelTo(d("2025-03-31"));
        assertThat(dossier.elapsed(DeadlineKind.EARLIEST_EVICTION)).isFalse();
        dossier.travelTo(d("2025-04-01"));
        assertThat(dossier.recorded(DeadlineElapsed.class)).extracting(DeadlineElapsed::kind, DeadlineElapsed::occurredOn)
                .contains(org.assertj.core.groups.Tuple.tuple(DeadlineKind.EARLIEST_EVICTION, d("2025-04-01")));
    }

    @Test
    void theEarliestEvictionWaitsForTheNoticeToQuitDelayAndTheGracePeriod() {
        summonedAndHeard();
        onThe("2024-07-15", new JudgmentDelivered(CASE, d("2024-07-15"), commissaire(), JudgmentDelivered.Outcome.TERMINATION, null, 3));
        onThe("2024-07-20", new NoticeToQuitServed(CASE, d("2024-07-20"), commissaire()));
        onThe("2024-07-25", new PoliceAssistanceRequested(CASE, d("2024-07-25"), commissaire()));
        onThe("2024-08-05", new PoliceAssistanceGranted(CASE, d("2024-08-05"), new RecordedBy(Trade.PREFECTURE, "pref"), null));
        // notice-to-quit delay ends 2024-09-20, grace period 2024-10-15: the first legal day is 16 October 2024
        assertThat(dossier.scheduled(DeadlineKind.EARLIEST_EVICTION).dueOn()).isEqualTo(d("2024-10-16"));
    }

    @Test
    void daloWindowIsThreeMonthsOrSixWhereTheDepartementSaysSo() {
        // Dijon (Côte-d'Or): no agglomeration of over 300,000 inhabitants, 3 months by default
        dossier.travelTo(d("2024-01-10")).act(opened(Parc.PRIVATE, LandlordKind.PRIVATE_PERSON, "21231", d("2019-05-01"), d("2024-01-10")));
        onThe("2024-03-01", new DaloAppealFiled(CASE, d("2024-03-01"), new RecordedBy(Trade.COMED, "comed")));
        onThe("2024-05-31", new DaloPriorityRecognised(CASE, d("2024-05-31"), new RecordedBy(Trade.COMED, "comed")));
        assertThat(dossier.scheduled(DeadlineKind.DALO_REHOUSING).dueOn()).isEqualTo(d("2024-08-31"));
        onThe("2024-07-01", new HouseholdRehoused(CASE, d("2024-07-01"), new RecordedBy(Trade.COMED, "comed"), null));
        assertThat(dossier.met(DeadlineKind.DALO_REHOUSING)).isTrue();
    }

    @Test
    void daloWindowOfSixMonthsInALargeAgglomeration() {
        // Saint-Denis (93), in the Paris agglomeration: 6 months by default (CCH R441-16-1, departements/dalo-six-mois.csv)
        open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-03-01", new DaloAppealFiled(CASE, d("2024-03-01"), new RecordedBy(Trade.COMED, "comed")));
        onThe("2024-05-31", new DaloPriorityRecognised(CASE, d("2024-05-31"), new RecordedBy(Trade.COMED, "comed")));
        assertThat(dossier.scheduled(DeadlineKind.DALO_REHOUSING).dueOn()).isEqualTo(d("2024-11-30"));
        dossier.travelTo(d("2024-12-01"));
        assertThat(dossier.elapsed(DeadlineKind.DALO_REHOUSING)).isTrue();
    }

    @Test
    void protocolSupportMeasureAndOverIndebtedness() {
        open("2024-01-10", "2019-05-01", LandlordKind.SOCIAL);
        onThe("2024-02-01", new SupportMeasureStarted(CASE, d("2024-02-01"), new RecordedBy(Trade.SERVICE_SOCIAL, "cd"), SupportMeasure.ASLL));
        onThe("2024-02-02", new SupportMeasureStarted(CASE, d("2024-02-02"), new RecordedBy(Trade.SERVICE_SOCIAL, "cd"), SupportMeasure.MASP));
        assertThat(dossier.scheduled(DeadlineKind.SUPPORT_MEASURE).dueOn()).isEqualTo(d("2025-02-01"));
        onThe("2024-03-01", new OverIndebtednessFileAdmitted(CASE, d("2024-03-01"), new RecordedBy(Trade.BANQUE_DE_FRANCE, "bdf")));
        onThe("2024-04-01", new EvictionMeasuresSuspended(CASE, d("2024-04-01"), new RecordedBy(Trade.BANQUE_DE_FRANCE, "bdf"), d("2025-04-01")));
        assertThat(dossier.scheduled(DeadlineKind.OVER_INDEBTEDNESS_SUSPENSION).dueOn()).isEqualTo(d("2025-04-01"));
        onThe("2024-09-01", new SocialCohesionProtocolSigned(CASE, d("2024-09-01"), new RecordedBy(Trade.BAILLEUR, "oph"), null));
        assertThat(dossier.scheduled(DeadlineKind.PROTOCOL).dueOn()).isEqualTo(d("2026-09-01"));
        onThe("2025-01-15", new SupportMeasureEnded(CASE, d("2025-01-15"), new RecordedBy(Trade.SERVICE_SOCIAL, "cd"), SupportMeasure.ASLL));
        assertThat(dossier.met(DeadlineKind.SUPPORT_MEASURE)).isTrue();
        dossier.travelTo(d("2025-04-02"));
        assertThat(dossier.elapsed(DeadlineKind.OVER_INDEBTEDNESS_SUSPENSION)).isTrue();
        onThe("2025-06-01", new NewLeaseSigned(CASE, d("2025-06-01"), new RecordedBy(Trade.BAILLEUR, "oph")));
        assertThat(dossier.met(DeadlineKind.PROTOCOL)).isTrue();
    }

    @Test
    void actsRecordedLateGiveTheSameResultAsOnTheDayAndDueTimersFireInOrder() {
        // Everything recorded on 23 November 2026 for a procedure of 2023-2024.
        dossier.travelTo(d("2026-11-23"));
        dossier.act(opened(Parc.PRIVATE, LandlordKind.PRIVATE_PERSON, "93066", d("2019-05-01"), d("2023-10-02")));
        dossier.act(new PaymentOrderServed(CASE, d("2023-11-02"), commissaire(), null));
        dossier.act(new SummonsServed(CASE, d("2024-01-03"), commissaire(), d("2024-03-20"), null));
        dossier.act(new HearingHeld(CASE, d("2024-03-20"), commissaire(), false));
        dossier.act(new JudgmentDelivered(CASE, d("2024-04-10"), commissaire(), JudgmentDelivered.Outcome.TERMINATION, null, null));
        dossier.act(new NoticeToQuitServed(CASE, d("2024-05-02"), commissaire()));
        dossier.act(new PoliceAssistanceRequested(CASE, d("2024-07-08"), commissaire()));
        List<DeadlineElapsed> elapsed = dossier.recorded(DeadlineElapsed.class);
        assertThat(elapsed).extracting(DeadlineElapsed::kind, DeadlineElapsed::dueOn).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DeadlineKind.PAYMENT_ORDER_DELAY, d("2024-01-02")),
                org.assertj.core.groups.Tuple.tuple(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING, d("2024-03-19")),
                org.assertj.core.groups.Tuple.tuple(DeadlineKind.NOTICE_TO_QUIT_DELAY, d("2024-07-02")),
                org.assertj.core.groups.Tuple.tuple(DeadlineKind.POLICE_ASSISTANCE_DECISION, d("2024-09-08")));
        assertThat(dossier.flags()).containsExactly(Irregularity.SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING);
        assertThat(dossier.recorded(PoliceAssistanceImplicitlyRefused.class)).extracting(CaseEvent::occurredOn).containsExactly(d("2024-09-09"));
    }

    @Test
    void unpaidRentOfTwoMonthsMustReachTheCafWithinTwoMonths() {
        open("2024-01-10", "2019-05-01", LandlordKind.SOCIAL);
        onThe("2024-01-31", new UnpaidRentReported(CASE, d("2024-01-31"), new RecordedBy(Trade.BAILLEUR, "oph"), null, 1));
        assertThat(dossier.recorded(DeadlineScheduled.class)).isEmpty();
        onThe("2024-02-29", new UnpaidRentReported(CASE, d("2024-02-29"), new RecordedBy(Trade.BAILLEUR, "oph"), null, 2));
        assertThat(dossier.scheduled(DeadlineKind.UNPAID_RENT_TO_CAF).dueOn()).isEqualTo(d("2024-04-29"));
    }

    @Test
    void theSiaoIsInformedTenDaysBeforeTheEviction() {
        upToNoticeToQuit("2024-09-02");
        onThe("2024-11-05", new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()));
        onThe("2024-12-10", new PoliceAssistanceGranted(CASE, d("2024-12-10"), new RecordedBy(Trade.PREFECTURE, "pref"), null));
        onThe("2025-04-01", new EvictionScheduled(CASE, d("2025-04-01"), commissaire(), d("2025-04-20")));
        assertThat(dossier.scheduled(DeadlineKind.SIAO_NOTICE).dueOn()).isEqualTo(d("2025-04-10"));
        dossier.travelTo(d("2025-04-11"));
        assertThat(dossier.elapsed(DeadlineKind.SIAO_NOTICE)).isTrue();
    }

    @Test
    void anEvictionSetLessThanTenDaysAheadMissesTheSiaoNotice() {
        upToNoticeToQuit("2024-09-02");
        onThe("2024-11-05", new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()));
        onThe("2024-12-10", new PoliceAssistanceGranted(CASE, d("2024-12-10"), new RecordedBy(Trade.PREFECTURE, "pref"), null));
        ProcessInstance pi = dossier.bridge.instance(CASE);
        onThe("2025-04-10", new EvictionScheduled(CASE, d("2025-04-10"), commissaire(), d("2025-04-15")));
        assertThat(dossier.elapsed(DeadlineKind.SIAO_NOTICE)).isTrue();
        BpmnAwareTests.assertThat(pi).hasPassed("EndEvent_SiaoNoticeTooLate");
    }

    @Test
    void closingTheDossierEndsTheProcedure() {
        ProcessInstance pi = open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-02-01", new PaymentOrderServed(CASE, d("2024-02-01"), commissaire(), null));
        onThe("2024-02-20", new CaseClosed(CASE, d("2024-02-20"), new RecordedBy(Trade.CCAPEX, "ccapex"), CaseOutcome.DEBT_CLEARED));
        BpmnAwareTests.assertThat(pi).isEnded();
        dossier.travelTo(d("2024-06-01"));
        assertThat(dossier.recorded(DeadlineElapsed.class)).isEmpty();
        // An act delivered after the end changes nothing and is not an error.
        dossier.act(new UnpaidRentReported(CASE, d("2024-02-21"), new RecordedBy(Trade.CAF, "caf"), null, null));
    }

    @Test
    void anEventDeliveredTwiceIsCorrelatedOnce() {
        open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        dossier.travelTo(d("2024-02-01"));
        PaymentOrderServed cdp = new PaymentOrderServed(CASE, d("2024-02-01"), commissaire(), null);
        dossier.bridge.apply(cdp, 1);
        dossier.bridge.apply(cdp, 1);
        dossier.runDueJobs();
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().activityId("StartEvent_PaymentOrderServed").count()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("StartEvent_PaymentOrderServed").count()).isEqualTo(1);
    }

    @Test
    void aStepThatCannotProceedBecomesAnIncident() {
        ProcessInstance pi = open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-02-01", new PaymentOrderServed(CASE, d("2024-02-01"), commissaire(), null));
        Mocks.register("elapseDeadline", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
            throw new ActRefusedException(Stage.CLOSED, "DeadlineElapsed", "the dossier is closed");
        });
        ClockUtil.setCurrentTime(java.util.Date.from(d("2024-04-02").atStartOfDay(DeadlineSteps.LEGAL_ZONE).toInstant().plusSeconds(3600)));
        for (int attempt = 0; attempt < 10; attempt++) {
            var due = engine.getManagementService().createJobQuery().executable().list();
            if (due.isEmpty()) break;
            try {
                engine.getManagementService().executeJob(due.get(0).getId());
            } catch (RuntimeException expected) {
                // the job keeps its failure and its retries go down
            }
        }
        var incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident).as("a failed step is an incident for Cockpit, never a silent drop").isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Task_ElapsePaymentOrderDelay");
        assertThat(incident.getIncidentMessage()).contains("closed");
    }

    @Test
    void processVariablesHoldNoPersonalData() {
        ProcessInstance pi = open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-04-02", new SummonsServed(CASE, d("2024-04-02"), commissaire(), d("2024-06-20"), "TJ de Bobigny, M. le juge Untel"));
        var values = engine.getRuntimeService().getVariables(pi.getId()).values().toString();
        assertThat(values).doesNotContain("Martin", "1 rue X", "Untel", "650");
    }

    @Test
    void aDecisionRecordedBeforeTheEngineOpenedTheWindowIsNotLost() {
        upToNoticeToQuit("2024-09-02");
        dossier.travelTo(d("2026-11-23")).together(
                new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()),
                new PoliceAssistanceGranted(CASE, d("2024-12-10"), new RecordedBy(Trade.PREFECTURE, "pref"), null));
        assertThat(dossier.met(DeadlineKind.POLICE_ASSISTANCE_DECISION)).as("granted within the 2 months").isTrue();
        assertThat(dossier.elapsed(DeadlineKind.POLICE_ASSISTANCE_DECISION)).isFalse();
        assertThat(dossier.recorded(PoliceAssistanceImplicitlyRefused.class)).isEmpty();
        assertThat(dossier.recorded(DeadlineMet.class)).extracting(CaseEvent::occurredOn).contains(d("2024-12-10"));
        assertThat(dossier.scheduled(DeadlineKind.EARLIEST_EVICTION).dueOn()).isEqualTo(d("2025-04-01"));
    }

    @Test
    void aDecisionAfterTheWindowRecordedInTheSameBatchLeavesTheImplicitRefusal() {
        upToNoticeToQuit("2024-09-02");
        dossier.travelTo(d("2026-11-23")).together(
                new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()),
                new PoliceAssistanceGranted(CASE, d("2025-02-10"), new RecordedBy(Trade.PREFECTURE, "pref"), null));
        assertThat(dossier.met(DeadlineKind.POLICE_ASSISTANCE_DECISION)).isFalse();
        assertThat(dossier.elapsed(DeadlineKind.POLICE_ASSISTANCE_DECISION)).isTrue();
        assertThat(dossier.recorded(PoliceAssistanceImplicitlyRefused.class)).extracting(CaseEvent::occurredOn).containsExactly(d("2025-01-06"));
    }

    @Test
    void aSummonsRecordedRightAfterThePaymentOrderIsStillCheckedAgainstItsDelay() {
        open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        dossier.travelTo(d("2026-11-23")).together(
                new PaymentOrderServed(CASE, d("2024-02-01"), commissaire(), null),
                new SummonsServed(CASE, d("2024-03-15"), commissaire(), d("2024-06-20"), null),
                new SocialDiagnosisDelivered(CASE, d("2024-06-10"), new RecordedBy(Trade.SERVICE_SOCIAL, "cd"), null));
        assertThat(dossier.flags()).containsExactly(Irregularity.SUMMONS_BEFORE_PAYMENT_ORDER_DELAY);
        assertThat(dossier.met(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING)).as("DSF of 10 June for the hearing of 20 June").isTrue();
        assertThat(dossier.elapsed(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING)).isFalse();
    }

    /** Runs due jobs, letting failed ones fail until their retries are spent (as the job executor would). */
    private void runJobsThroughFailures() {
        for (int attempt = 0; attempt < 20; attempt++) {
            var due = engine.getManagementService().createJobQuery().executable().list();
            if (due.isEmpty()) return;
            try {
                engine.getManagementService().executeJob(due.get(0).getId());
            } catch (RuntimeException expected) {
                // the job keeps its failure and its retries go down
            }
        }
    }

    @Test
    void aStepStartedByAnActThatCannotProceedIsAnIncidentAndTheBridgeMovesOn() {
        ProcessInstance pi = open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        Mocks.register("scheduleDeadline", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
            throw new IllegalStateException("le dossier refuse l'échéance");
        });
        dossier.travelTo(d("2024-02-01"));
        dossier.bridge.apply(new PaymentOrderServed(CASE, d("2024-02-01"), commissaire(), null), 100);   // correlating does not fail
        runJobsThroughFailures();
        var incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident).as("the failed step is an incident in Cockpit").isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Decision_CcapexReport");
        assertThat(incident.getIncidentMessage()).contains("refuse");
        // The rest of the dossier's procedure goes on.
        Mocks.register("scheduleDeadline", new DeadlineSteps().scheduleDeadline(dossier, dossier));
        dossier.bridge.apply(new SummonsServed(CASE, d("2024-04-02"), commissaire(), d("2024-06-20"), null), 101);
        runJobsThroughFailures();
        assertThat(dossier.scheduled(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING).dueOn()).isEqualTo(d("2024-06-19"));
        // Once the cause is put right, retrying the job (Cockpit: "Retry") resumes the path from the act.
        var job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId("Decision_CcapexReport").singleResult();
        engine.getManagementService().setJobRetries(job.getId(), 1);
        dossier.runDueJobs();
        assertThat(dossier.scheduled(DeadlineKind.PAYMENT_ORDER_DELAY).dueOn()).isEqualTo(d("2024-04-01"));
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void workingDaysInAlsaceMoselleSkipGoodFriday() {
        dossier.travelTo(d("2024-03-01")).act(opened(Parc.PRIVATE, LandlordKind.PRIVATE_PERSON, "57463", d("2019-05-01"), d("2024-03-01")));
        onThe("2024-03-21", new SocialDiagnosisRequested(CASE, d("2024-03-21"), new RecordedBy(Trade.PREFECTURE, "pref"), null));
        // 15 working days after Thursday 21 March 2024: Good Friday (29 March) is a holiday in Metz, Easter Monday everywhere
        assertThat(dossier.scheduled(DeadlineKind.SOCIAL_DIAGNOSIS_INTERVIEW).dueOn()).isEqualTo(d("2024-04-15"));
    }

    @Test
    void workingDaysElsewhereCountGoodFriday() {
        open("2024-03-01", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-03-21", new SocialDiagnosisRequested(CASE, d("2024-03-21"), new RecordedBy(Trade.PREFECTURE, "pref"), null));
        assertThat(dossier.scheduled(DeadlineKind.SOCIAL_DIAGNOSIS_INTERVIEW).dueOn()).isEqualTo(d("2024-04-12"));
    }

    @Test
    void aDepartementSettingOtherThanTheCalendarKeepsTheAlsaceMoselleHolidays() {
        Mocks.reset();
        DepartementSettings settings = new DepartementSettings();
        DepartementSettings.Settings moselle = new DepartementSettings.Settings();
        moselle.setDaloLargeAgglomeration(true);
        settings.getDepartements().put("57", moselle);
        dossier = new ProcedureHarness(engine, settings);
        dossier.travelTo(d("2024-03-01")).act(opened(Parc.PRIVATE, LandlordKind.PRIVATE_PERSON, "57463", d("2019-05-01"), d("2024-03-01")));
        onThe("2024-03-21", new SocialDiagnosisRequested(CASE, d("2024-03-21"), new RecordedBy(Trade.PREFECTURE, "pref"), null));
        assertThat(dossier.scheduled(DeadlineKind.SOCIAL_DIAGNOSIS_INTERVIEW).dueOn()).isEqualTo(d("2024-04-15"));
    }

    @Test
    void theTenantLeavingBeforeTheFirstLegalDayMeetsTheEarliestEviction() {
        upToNoticeToQuit("2024-09-02");
        onThe("2024-11-05", new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()));
        onThe("2024-12-10", new PoliceAssistanceGranted(CASE, d("2024-12-10"), new RecordedBy(Trade.PREFECTURE, "pref"), null));
        onThe("2025-02-15", new KeysReturned(CASE, d("2025-02-15"), commissaire()));
        assertThat(dossier.recorded(DeadlineMet.class)).extracting(DeadlineMet::kind, CaseEvent::occurredOn)
                .contains(org.assertj.core.groups.Tuple.tuple(DeadlineKind.EARLIEST_EVICTION, d("2025-02-15")));
        dossier.travelTo(d("2025-04-02"));
        assertThat(dossier.elapsed(DeadlineKind.EARLIEST_EVICTION)).isFalse();
    }

    // No window closes before the process has seen the dossier's log (issue 8, point 2).

    private static RecordedBy prefecture() {
        return new RecordedBy(Trade.PREFECTURE, "pref");
    }

    @Test
    void aTimerDueBeforeTheBridgeDeliveredTheGrantWaitsForTheLogAndTheGrantDecides() {
        upToNoticeToQuit("2024-09-02");
        ProcessInstance pi = dossier.bridge.instance(CASE);
        dossier.travelTo(d("2026-11-23")).loggedNotDelivered(
                new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()),
                new PoliceAssistanceGranted(CASE, d("2024-11-26"), prefecture(), null));
        dossier.deliverNext();   // the request reaches the process; its window closed two years ago, its timer fires at once
        assertThat(dossier.scheduled(DeadlineKind.POLICE_ASSISTANCE_DECISION).dueOn()).isEqualTo(d("2025-01-05"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("Gateway_WaitLog_PoliceAssistanceDecision");
        assertThat(dossier.elapsed(DeadlineKind.POLICE_ASSISTANCE_DECISION)).as("the log holds a later act").isFalse();
        assertThat(dossier.recorded(PoliceAssistanceImplicitlyRefused.class)).isEmpty();
        dossier.deliverNext();   // the grant reaches the process
        assertThat(dossier.recorded(DeadlineMet.class)).extracting(DeadlineMet::kind, CaseEvent::occurredOn)
                .contains(org.assertj.core.groups.Tuple.tuple(DeadlineKind.POLICE_ASSISTANCE_DECISION, d("2024-11-26")));
        assertThat(dossier.elapsed(DeadlineKind.POLICE_ASSISTANCE_DECISION)).isFalse();
        assertThat(dossier.recorded(PoliceAssistanceImplicitlyRefused.class)).isEmpty();
        assertThat(dossier.recorded(DeadlineCorrected.class)).as("nothing to correct").isEmpty();
        BpmnAwareTests.assertThat(pi).hasPassed("Gateway_ActInWindow_PoliceAssistanceDecision", "Task_MeetPoliceAssistanceDecisionGranted");
    }

    @Test
    void aRefusalInTheLogDecidesToo() {
        upToNoticeToQuit("2024-09-02");
        dossier.travelTo(d("2026-11-23")).loggedNotDelivered(
                new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()),
                new PoliceAssistanceRefused(CASE, d("2025-01-05"), prefecture()));
        dossier.deliverNext().deliverNext();
        assertThat(dossier.met(DeadlineKind.POLICE_ASSISTANCE_DECISION)).as("refused on the last day").isTrue();
        assertThat(dossier.elapsed(DeadlineKind.POLICE_ASSISTANCE_DECISION)).isFalse();
        assertThat(dossier.recorded(PoliceAssistanceImplicitlyRefused.class)).isEmpty();
    }

    @Test
    void aGrantInTheLogDatedAfterTheWindowLeavesTheImplicitRefusal() {
        upToNoticeToQuit("2024-09-02");
        dossier.travelTo(d("2026-11-23")).loggedNotDelivered(
                new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()),
                new PoliceAssistanceGranted(CASE, d("2025-01-06"), prefecture(), null));
        dossier.deliverNext();
        assertThat(dossier.elapsed(DeadlineKind.POLICE_ASSISTANCE_DECISION)).as("waits for the log").isFalse();
        dossier.deliverNext();
        assertThat(dossier.elapsed(DeadlineKind.POLICE_ASSISTANCE_DECISION)).isTrue();
        assertThat(dossier.recorded(PoliceAssistanceImplicitlyRefused.class)).extracting(CaseEvent::occurredOn).containsExactly(d("2025-01-06"));
        assertThat(dossier.recorded(DeadlineCorrected.class)).isEmpty();
        assertThat(dossier.recorded(ImplicitRefusalWithdrawn.class)).isEmpty();
    }

    @Test
    void anUnrelatedActInTheLogIsAppliedFirstAndTheWindowThenElapses() {
        upToNoticeToQuit("2024-09-02");
        dossier.travelTo(d("2026-11-23")).loggedNotDelivered(
                new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()),
                new DaloAppealFiled(CASE, d("2024-11-20"), new RecordedBy(Trade.COMED, "comed")));
        dossier.deliverNext();
        assertThat(dossier.elapsed(DeadlineKind.POLICE_ASSISTANCE_DECISION)).isFalse();
        dossier.deliverNext();
        assertThat(dossier.elapsed(DeadlineKind.POLICE_ASSISTANCE_DECISION)).isTrue();
        assertThat(dossier.recorded(PoliceAssistanceImplicitlyRefused.class)).hasSize(1);
    }

    @Test
    void aSocialDiagnosisInTheLogIsSeenBeforeTheHearingDayConcludes() {
        open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        dossier.travelTo(d("2026-11-23")).loggedNotDelivered(
                new SummonsServed(CASE, d("2024-04-02"), commissaire(), d("2024-06-20"), null),
                new SocialDiagnosisDelivered(CASE, d("2024-06-10"), new RecordedBy(Trade.SERVICE_SOCIAL, "cd"), null));
        dossier.deliverNext();
        assertThat(dossier.elapsed(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING)).isFalse();
        assertThat(dossier.flags()).doesNotContain(Irregularity.SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING);
        dossier.deliverNext();
        assertThat(dossier.met(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING)).isTrue();
        assertThat(dossier.elapsed(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING)).isFalse();
        assertThat(dossier.flags()).doesNotContain(Irregularity.SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING);
    }

    @Test
    void theLogIsReadAgainWhenTheBridgeOutranTheCheck() {
        upToNoticeToQuit("2024-09-02");
        ProcessInstance pi = dossier.bridge.instance(CASE);
        dossier.travelTo(d("2026-11-23")).loggedNotDelivered(
                new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()),
                new PoliceAssistanceGranted(CASE, d("2024-11-26"), prefecture(), null));
        dossier.deliverNext();
        BpmnAwareTests.assertThat(pi).isWaitingAt("Gateway_WaitLog_PoliceAssistanceDecision");
        // The bridge applied the grant while the check was reading (its change came before the wait): the wait
        // has no variable change to wake it, the timer reads the log again.
        engine.getRuntimeService().setVariable(pi.getId(), "POLICE_ASSISTANCE_DECISION_logSequence", Long.MAX_VALUE);
        dossier.deliverNext();
        assertThat(dossier.met(DeadlineKind.POLICE_ASSISTANCE_DECISION)).isFalse();
        ClockUtil.setCurrentTime(new java.util.Date(ClockUtil.getCurrentTime().getTime() + 6_000));
        dossier.runDueJobs();
        assertThat(dossier.met(DeadlineKind.POLICE_ASSISTANCE_DECISION)).isTrue();
        assertThat(dossier.recorded(PoliceAssistanceImplicitlyRefused.class)).isEmpty();
    }

    // Late but true acts correct what was concluded without them (issue 8, point 3).

    @Test
    void aGrantDatedInTheWindowRecordedAWeekAfterTheRefusalCorrectsIt() {
        upToNoticeToQuit("2024-09-02");
        ProcessInstance pi = dossier.bridge.instance(CASE);
        onThe("2024-11-05", new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()));
        dossier.travelTo(d("2025-01-06"));
        assertThat(dossier.recorded(PoliceAssistanceImplicitlyRefused.class)).hasSize(1);
        onThe("2025-01-13", new PoliceAssistanceGranted(CASE, d("2024-12-20"), prefecture(), null));
        assertThat(dossier.recorded(DeadlineCorrected.class)).containsExactly(new DeadlineCorrected(CASE, d("2024-12-20"), RecordedBy.procedure(),
                DeadlineKind.POLICE_ASSISTANCE_DECISION, d("2025-01-05"), DeadlineStatus.MET, "PoliceAssistanceGranted",
                "PoliceAssistanceGranted du 2024-12-20 dans le délai qui expirait le 2025-01-05, enregistré après l'échéance : échéance respectée"));
        assertThat(dossier.recorded(ImplicitRefusalWithdrawn.class)).extracting(ImplicitRefusalWithdrawn::occurredOn,
                ImplicitRefusalWithdrawn::refusedOn, ImplicitRefusalWithdrawn::act)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(d("2024-12-20"), d("2025-01-06"), "PoliceAssistanceGranted"));
        assertThat(dossier.elapsed(DeadlineKind.POLICE_ASSISTANCE_DECISION)).as("the first conclusion stays").isTrue();
        assertThat(dossier.scheduled(DeadlineKind.EARLIEST_EVICTION).dueOn()).isEqualTo(d("2025-04-01"));
        BpmnAwareTests.assertThat(pi).hasPassed("Task_Withdraw_PoliceAssistanceDecision", "EndEvent_Corrected_PoliceAssistanceDecision");
    }

    @Test
    void aRefusalDatedInTheWindowRecordedLateWithdrawsTheImplicitOne() {
        upToNoticeToQuit("2024-09-02");
        onThe("2024-11-05", new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()));
        dossier.travelTo(d("2025-01-06"));
        onThe("2025-02-03", new PoliceAssistanceRefused(CASE, d("2025-01-03"), prefecture()));
        assertThat(dossier.recorded(DeadlineCorrected.class)).extracting(DeadlineCorrected::act).containsExactly("PoliceAssistanceRefused");
        assertThat(dossier.recorded(ImplicitRefusalWithdrawn.class)).extracting(CaseEvent::occurredOn).containsExactly(d("2025-01-03"));
    }

    @Test
    void aGrantDatedAfterTheWindowCorrectsNothing() {
        upToNoticeToQuit("2024-09-02");
        onThe("2024-11-05", new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()));
        dossier.travelTo(d("2025-01-06"));
        onThe("2025-01-20", new PoliceAssistanceGranted(CASE, d("2025-01-20"), prefecture(), null));
        assertThat(dossier.recorded(DeadlineCorrected.class)).isEmpty();
        assertThat(dossier.recorded(ImplicitRefusalWithdrawn.class)).isEmpty();
    }

    @Test
    void aNewRequestClosesTheFirstWindowForGood() {
        upToNoticeToQuit("2024-09-02");
        onThe("2024-11-05", new PoliceAssistanceRequested(CASE, d("2024-11-05"), commissaire()));
        dossier.travelTo(d("2025-01-06"));
        onThe("2025-04-10", new PoliceAssistanceRequested(CASE, d("2025-04-10"), commissaire()));
        onThe("2025-05-02", new PoliceAssistanceGranted(CASE, d("2025-05-02"), prefecture(), null));
        assertThat(dossier.recorded(DeadlineCorrected.class)).as("the grant answers the second request").isEmpty();
        assertThat(dossier.recorded(ImplicitRefusalWithdrawn.class)).isEmpty();
        assertThat(dossier.recorded(DeadlineMet.class)).extracting(DeadlineMet::kind, CaseEvent::occurredOn)
                .contains(org.assertj.core.groups.Tuple.tuple(DeadlineKind.POLICE_ASSISTANCE_DECISION, d("2025-05-02")));
    }

    @Test
    void aSocialDiagnosisDatedBeforeTheHearingRecordedAfterItWithdrawsTheIrregularity() {
        open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-04-02", new SummonsServed(CASE, d("2024-04-02"), commissaire(), d("2024-06-20"), null));
        dossier.travelTo(d("2024-06-20"));
        assertThat(dossier.flags()).containsExactly(Irregularity.SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING);
        onThe("2024-06-27", new SocialDiagnosisDelivered(CASE, d("2024-06-12"), new RecordedBy(Trade.SERVICE_SOCIAL, "cd"), null));
        assertThat(dossier.recorded(DeadlineCorrected.class)).extracting(DeadlineCorrected::kind, DeadlineCorrected::dueOn, DeadlineCorrected::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING, d("2024-06-19"), DeadlineStatus.MET));
        assertThat(dossier.recorded(IrregularityWithdrawn.class)).extracting(IrregularityWithdrawn::code, CaseEvent::occurredOn, IrregularityWithdrawn::act)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Irregularity.SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING, d("2024-06-12"), "SocialDiagnosisDelivered"));
    }

    @Test
    void aSocialDiagnosisDatedAfterTheHearingLeavesTheIrregularity() {
        open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-04-02", new SummonsServed(CASE, d("2024-04-02"), commissaire(), d("2024-06-20"), null));
        dossier.travelTo(d("2024-06-20"));
        onThe("2024-06-27", new SocialDiagnosisDelivered(CASE, d("2024-06-25"), new RecordedBy(Trade.SERVICE_SOCIAL, "cd"), null));
        assertThat(dossier.recorded(DeadlineCorrected.class)).isEmpty();
        assertThat(dossier.recorded(IrregularityWithdrawn.class)).isEmpty();
    }

    // --- Dates that depend on later acts (issue 8, point 5): the earliest eviction and the DSF move, with their timers

    private static final RecordedBy PREFET = new RecordedBy(Trade.PREFECTURE, "pref");
    private static final RecordedBy BDF = new RecordedBy(Trade.BANQUE_DE_FRANCE, "bdf");

    /** Notice to quit of 20 March 2025 (its delay runs to 20 May), grant of 20 April: first legal day 21 May 2025. */
    private void grantedWhileTheNoticeToQuitRuns() {
        upToNoticeToQuit("2025-03-20");
        onThe("2025-04-01", new PoliceAssistanceRequested(CASE, d("2025-04-01"), commissaire()));
        onThe("2025-04-20", new PoliceAssistanceGranted(CASE, d("2025-04-20"), PREFET, null));
        assertThat(dossier.scheduled(DeadlineKind.EARLIEST_EVICTION).dueOn()).isEqualTo(d("2025-05-21"));
    }

    private java.util.Date earliestEvictionTimer() {
        return engine.getManagementService().createJobQuery().activityId("Timer_EarliestEviction").singleResult().getDuedate();
    }

    @Test
    void aSuspensionOrderedAfterTheGrantMovesTheEarliestEvictionAndItsTimer() {
        grantedWhileTheNoticeToQuitRuns();
        onThe("2025-05-02", new EvictionMeasuresSuspended(CASE, d("2025-05-02"), BDF, d("2025-09-30")));
        assertThat(dossier.recorded(DeadlineRescheduled.class)).containsExactly(new DeadlineRescheduled(CASE, d("2025-05-02"), RecordedBy.procedure(),
                DeadlineKind.EARLIEST_EVICTION, d("2025-05-21"), d("2025-10-01"), "EvictionMeasuresSuspended",
                dossier.recorded(DeadlineRescheduled.class).get(0).reason()));
        assertThat(dossier.recorded(DeadlineRescheduled.class).get(0).reason()).contains("2025-05-21", "2025-10-01");
        assertThat(earliestEvictionTimer()).as("the timer waits for the new date").isEqualTo(DeadlineSteps.startOfDay(d("2025-10-01")));
        dossier.travelTo(d("2025-05-21"));
        assertThat(dossier.elapsed(DeadlineKind.EARLIEST_EVICTION)).as("not on the old date").isFalse();
        dossier.travelTo(d("2025-09-30"));
        assertThat(dossier.elapsed(DeadlineKind.EARLIEST_EVICTION)).isFalse();
        dossier.travelTo(d("2025-10-01"));
        assertThat(dossier.recorded(DeadlineElapsed.class)).extracting(DeadlineElapsed::kind, DeadlineElapsed::dueOn)
                .contains(org.assertj.core.groups.Tuple.tuple(DeadlineKind.EARLIEST_EVICTION, d("2025-10-01")));
    }

    @Test
    void aSuspensionEndingInWinterPutsTheEarliestEvictionAfterTheTruceOfTheNextYear() {
        grantedWhileTheNoticeToQuitRuns();
        onThe("2025-05-02", new EvictionMeasuresSuspended(CASE, d("2025-05-02"), BDF, d("2025-12-15")));
        assertThat(dossier.recorded(DeadlineRescheduled.class)).extracting(DeadlineRescheduled::dueOn).containsExactly(d("2026-04-01"));
        assertThat(earliestEvictionTimer()).isEqualTo(DeadlineSteps.startOfDay(d("2026-04-01")));
        dossier.travelTo(d("2026-03-31"));
        assertThat(dossier.elapsed(DeadlineKind.EARLIEST_EVICTION)).isFalse();
        dossier.travelTo(d("2026-04-01"));
        assertThat(dossier.elapsed(DeadlineKind.EARLIEST_EVICTION)).isTrue();
    }

    @Test
    void aGracePeriodGrantedByTheEnforcementJudgeMovesTheEarliestEviction() {
        grantedWhileTheNoticeToQuitRuns();
        onThe("2025-05-05", new GracePeriodGranted(CASE, d("2025-05-05"), commissaire(), 3));
        assertThat(dossier.recorded(DeadlineScheduled.class)).extracting(DeadlineScheduled::kind, DeadlineScheduled::dueOn)
                .contains(org.assertj.core.groups.Tuple.tuple(DeadlineKind.GRACE_PERIOD, d("2025-08-05")));
        assertThat(dossier.recorded(DeadlineRescheduled.class)).extracting(DeadlineRescheduled::kind, DeadlineRescheduled::previousDueOn,
                        DeadlineRescheduled::dueOn, DeadlineRescheduled::act, DeadlineRescheduled::occurredOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DeadlineKind.EARLIEST_EVICTION, d("2025-05-21"), d("2025-08-06"),
                        "GracePeriodGranted", d("2025-05-05")));
        dossier.travelTo(d("2025-08-05"));
        assertThat(dossier.elapsed(DeadlineKind.EARLIEST_EVICTION)).isFalse();
        dossier.travelTo(d("2025-08-06"));
        assertThat(dossier.elapsed(DeadlineKind.EARLIEST_EVICTION)).isTrue();
    }

    @Test
    void aSuspensionInTheLogWhenTheTimerFiresMovesTheDateInsteadOfClosingIt() {
        grantedWhileTheNoticeToQuitRuns();
        dossier.travelTo(d("2025-05-20"));
        // recorded on 20 May, the bridge lags: the timer fires on 21 May on what the process has seen
        dossier.loggedNotDelivered(new EvictionMeasuresSuspended(CASE, d("2025-05-20"), BDF, d("2025-07-31")));
        dossier.travelTo(d("2025-05-21"));
        assertThat(dossier.elapsed(DeadlineKind.EARLIEST_EVICTION)).as("the log holds an act not yet applied").isFalse();
        dossier.deliver();
        assertThat(dossier.elapsed(DeadlineKind.EARLIEST_EVICTION)).isFalse();
        assertThat(dossier.recorded(DeadlineRescheduled.class)).extracting(DeadlineRescheduled::dueOn).containsExactly(d("2025-08-01"));
        dossier.travelTo(d("2025-08-01"));
        assertThat(dossier.recorded(DeadlineElapsed.class)).extracting(DeadlineElapsed::kind, DeadlineElapsed::dueOn)
                .contains(org.assertj.core.groups.Tuple.tuple(DeadlineKind.EARLIEST_EVICTION, d("2025-08-01")));
    }

    @Test
    void aPostponedHearingMovesTheSocialDiagnosisDeadlineAndItsFlag() {
        open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-04-02", new SummonsServed(CASE, d("2024-04-02"), commissaire(), d("2024-06-20"), null));
        assertThat(dossier.scheduled(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING).dueOn()).isEqualTo(d("2024-06-19"));
        onThe("2024-06-10", new HearingPostponed(CASE, d("2024-06-10"), commissaire(), d("2025-01-06")));
        assertThat(dossier.recorded(DeadlineRescheduled.class)).extracting(DeadlineRescheduled::kind, DeadlineRescheduled::previousDueOn,
                        DeadlineRescheduled::dueOn, DeadlineRescheduled::act)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING, d("2024-06-19"), d("2025-01-05"),
                        "HearingPostponed"),
                        // and the notification to the préfet, 42 days before the new hearing
                        org.assertj.core.groups.Tuple.tuple(DeadlineKind.PREFECT_NOTICE_BEFORE_HEARING, d("2024-05-09"), d("2024-11-25"), "HearingPostponed"));
        dossier.travelTo(d("2024-06-20"));
        assertThat(dossier.elapsed(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING)).as("not on the first hearing").isFalse();
        assertThat(dossier.flags()).isEmpty();
        dossier.travelTo(d("2025-01-06"));
        assertThat(dossier.recorded(DeadlineElapsed.class)).extracting(DeadlineElapsed::kind, DeadlineElapsed::dueOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING, d("2025-01-05")));
        assertThat(dossier.recorded(IrregularityFlagged.class)).extracting(IrregularityFlagged::code, IrregularityFlagged::occurredOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Irregularity.SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING, d("2025-01-06")));
    }

    @Test
    void aPostponedHearingCountsThePrefectNoticeFromTheNewHearingAndWithdrawsTheFlag() {
        open("2024-01-10", "2024-01-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-05-02", new SummonsServed(CASE, d("2024-05-02"), commissaire(), d("2024-06-10"), null));
        assertThat(dossier.scheduled(DeadlineKind.PREFECT_NOTICE_BEFORE_HEARING).dueOn()).isEqualTo(d("2024-04-29"));
        assertThat(dossier.flags()).contains(Irregularity.SUMMONS_TOO_CLOSE_TO_HEARING);
        onThe("2024-06-10", new HearingPostponed(CASE, d("2024-06-10"), commissaire(), d("2024-09-12")));
        assertThat(dossier.recorded(DeadlineRescheduled.class)).extracting(DeadlineRescheduled::kind, DeadlineRescheduled::previousDueOn, DeadlineRescheduled::dueOn)
                .contains(org.assertj.core.groups.Tuple.tuple(DeadlineKind.PREFECT_NOTICE_BEFORE_HEARING, d("2024-04-29"), d("2024-08-01")));
        assertThat(dossier.recorded(DeadlineCorrected.class)).extracting(DeadlineCorrected::kind, DeadlineCorrected::dueOn, DeadlineCorrected::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DeadlineKind.PREFECT_NOTICE_BEFORE_HEARING, d("2024-08-01"), DeadlineStatus.MET));
        assertThat(dossier.recorded(IrregularityWithdrawn.class)).extracting(IrregularityWithdrawn::code, IrregularityWithdrawn::reason)
                .singleElement().satisfies(w -> assertThat(w.toString()).contains("SUMMONS_TOO_CLOSE_TO_HEARING", "2024-09-12"));
    }

    @Test
    void aRenvoiThatLeavesTheSummonsTooCloseKeepsTheFlag() {
        open("2024-01-10", "2024-01-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-05-02", new SummonsServed(CASE, d("2024-05-02"), commissaire(), d("2024-06-10"), null));
        onThe("2024-06-10", new HearingPostponed(CASE, d("2024-06-10"), commissaire(), d("2024-06-11")));
        assertThat(dossier.recorded(DeadlineRescheduled.class)).extracting(DeadlineRescheduled::kind, DeadlineRescheduled::dueOn)
                .contains(org.assertj.core.groups.Tuple.tuple(DeadlineKind.PREFECT_NOTICE_BEFORE_HEARING, d("2024-04-30")));
        assertThat(dossier.recorded(IrregularityWithdrawn.class)).isEmpty();
        assertThat(dossier.recorded(DeadlineCorrected.class)).isEmpty();
    }

    @Test
    void aRenvoiInTheLogWhenTheHearingDayComesMovesTheSocialDiagnosisDeadlineInsteadOfFlagging() {
        open("2024-01-10", "2019-05-01", LandlordKind.PRIVATE_PERSON);
        onThe("2024-04-02", new SummonsServed(CASE, d("2024-04-02"), commissaire(), d("2024-06-20"), null));
        dossier.travelTo(d("2024-06-19"));
        dossier.loggedNotDelivered(new HearingPostponed(CASE, d("2024-06-19"), commissaire(), d("2024-12-30")));
        dossier.travelTo(d("2024-06-20"));
        assertThat(dossier.elapsed(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING)).isFalse();
        dossier.deliver();
        assertThat(dossier.elapsed(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING)).isFalse();
        assertThat(dossier.flags()).isEmpty();
        assertThat(dossier.recorded(DeadlineRescheduled.class)).extracting(DeadlineRescheduled::kind, DeadlineRescheduled::dueOn)
                .contains(org.assertj.core.groups.Tuple.tuple(DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING, d("2024-12-29")));
        dossier.travelTo(d("2024-12-30"));
        assertThat(dossier.flags()).containsExactly(Irregularity.SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING);
    }
}
