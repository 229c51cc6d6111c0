package fr.prevexp.processes;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every DMN table of the legal delays, row by row, both regimes around 29 July 2023. */
class LegalDelaysDmnTest {
    static Map<String, DmnDecision> decisions;
    static DmnEngine engine;

    @BeforeAll
    static void parse() throws Exception {
        engine = ((org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .feelCustomFunctionProviders(List.of(new LegalFeelFunctions())).buildEngine();
        try (InputStream dmn = LegalDelaysDmnTest.class.getResourceAsStream("/dmn/delais-legaux.dmn")) {
            List<DmnDecision> parsed = engine.parseDecisions(dmn);
            decisions = parsed.stream().collect(Collectors.toMap(DmnDecision::getKey, d -> d));
        }
    }

    private static DmnDecisionRuleResult decide(String decision, Object... keyValues) {
        VariableMap variables = Variables.createVariables();
        for (int i = 0; i < keyValues.length; i += 2) variables.putValue((String) keyValues[i], keyValues[i + 1]);
        return engine.evaluateDecisionTable(decisions.get("Decision_" + decision), variables).getSingleResult();
    }

    private static void expect(DmnDecisionRuleResult result, int amount, String unit) {
        assertThat(((Number) result.get("amount")).intValue()).isEqualTo(amount);
        assertThat((String) result.get("unit")).isEqualTo(unit);
        assertThat((String) result.get("regime")).isNotBlank();
    }

    @Test
    void paymentOrderDelayIsDecidedByTheLeaseSigningDate() {
        expect(decide("PaymentOrderDelay", "leaseSignedOn", null), 2, "MONTHS");
        expect(decide("PaymentOrderDelay", "leaseSignedOn", "2019-05-01"), 2, "MONTHS");
        expect(decide("PaymentOrderDelay", "leaseSignedOn", "2023-07-28"), 2, "MONTHS");
        expect(decide("PaymentOrderDelay", "leaseSignedOn", "2023-07-29"), 6, "WEEKS");
        expect(decide("PaymentOrderDelay", "leaseSignedOn", "2024-02-29"), 6, "WEEKS");
        assertThat(decide("PaymentOrderDelay", "leaseSignedOn", null).get("regime").toString()).contains("inconnue");
    }

    @Test
    void prefectNoticeIsDecidedByTheSummonsDate() {
        expect(decide("PrefectNoticeBeforeHearing", "summonsServedOn", "2023-07-28"), 2, "MONTHS");
        expect(decide("PrefectNoticeBeforeHearing", "summonsServedOn", "2023-07-29"), 42, "DAYS");
    }

    @Test
    void ccapexReferralDelayAppliesToLegalEntitiesOnly() {
        expect(decide("CcapexReferralBeforeSummons", "landlordKind", "SOCIAL"), 2, "MONTHS");
        expect(decide("CcapexReferralBeforeSummons", "landlordKind", "LEGAL_ENTITY"), 2, "MONTHS");
        expect(decide("CcapexReferralBeforeSummons", "landlordKind", "FAMILY_SCI"), 0, "NONE");
        expect(decide("CcapexReferralBeforeSummons", "landlordKind", "PRIVATE_PERSON"), 0, "NONE");
    }

    @Test
    void fixedDelays() {
        expect(decide("SocialDiagnosisInterview", "socialDiagnosisRequestedOn", "2024-03-21"), 15, "WORKING_DAYS");
        expect(decide("NoticeToQuitDelay", "noticeToQuitServedOn", "2024-09-02"), 2, "MONTHS");
        expect(decide("PoliceAssistanceDecision", "policeAssistanceRequestedOn", "2024-11-05"), 2, "MONTHS");
        expect(decide("OverIndebtednessSuspension", "evictionMeasuresSuspendedOn", "2024-11-05"), 24, "MONTHS");
    }

    @Test
    void daloWindowIsADepartementSetting() {
        expect(decide("DaloRehousing", "daloLargeAgglomeration", true), 6, "MONTHS");
        expect(decide("DaloRehousing", "daloLargeAgglomeration", false), 3, "MONTHS");
    }

    @Test
    void judgeDecidedDelaysKeepTheJudgesMonthsUnderEitherRegime() {
        expect(decide("PaymentDelays", "judgmentDeliveredOn", "2023-06-01", "judgmentDeliveredPaymentDelayMonths", 36), 36, "MONTHS");
        expect(decide("PaymentDelays", "judgmentDeliveredOn", "2024-06-01", "judgmentDeliveredPaymentDelayMonths", 12), 12, "MONTHS");
        assertThat(decide("PaymentDelays", "judgmentDeliveredOn", "2024-06-01", "judgmentDeliveredPaymentDelayMonths", 12).get("regime").toString()).contains("premier impayé");
        expect(decide("GracePeriod", "judgmentDeliveredOn", "2023-01-10", "judgmentDeliveredGracePeriodMonths", 6), 6, "MONTHS");
        assertThat(decide("GracePeriod", "judgmentDeliveredOn", "2024-01-10", "judgmentDeliveredGracePeriodMonths", 6).get("regime").toString()).contains("1 an");
    }

    @Test
    void protocolAndSupportMeasures() {
        expect(decide("Protocol", "socialCohesionProtocolSignedDurationMonths", null), 24, "MONTHS");
        expect(decide("Protocol", "socialCohesionProtocolSignedDurationMonths", 18), 18, "MONTHS");
        expect(decide("SupportMeasure", "supportMeasureStartedKind", "ASLL"), 12, "MONTHS");
        expect(decide("SupportMeasure", "supportMeasureStartedKind", "MASP"), 0, "NONE");
    }

    @Test
    void unpaidRentToCafAndSiaoNotice() {
        expect(decide("UnpaidRentToCaf", "unpaidRentReportedMonthsUnpaid", 2), 2, "MONTHS");
        expect(decide("UnpaidRentToCaf", "unpaidRentReportedMonthsUnpaid", 1), 0, "NONE");
        expect(decide("UnpaidRentToCaf", "unpaidRentReportedMonthsUnpaid", null), 0, "NONE");
        expect(decide("SiaoNotice", "evictionScheduledScheduledOn", "2025-04-15"), 10, "DAYS");
    }

    @Test
    void ccapexReportThreshold() {
        expect(decide("CcapexReport", "landlordKind", "PRIVATE_PERSON", "paymentOrderServedOn", "2022-05-01", "ccapexReportArrearsMonthsBefore", 4), 4, "ARREARS_MONTHS");
        expect(decide("CcapexReport", "landlordKind", "FAMILY_SCI", "paymentOrderServedOn", "2024-05-01", "ccapexReportArrearsMonthsBefore", 4), 2, "ARREARS_MONTHS");
        expect(decide("CcapexReport", "landlordKind", "SOCIAL", "paymentOrderServedOn", "2024-05-01", "ccapexReportArrearsMonthsBefore", 4), 0, "NONE");
    }

    private static java.util.Map<String, Object> decideDrd(String decision, Object... keyValues) {
        VariableMap variables = Variables.createVariables();
        for (int i = 0; i < keyValues.length; i += 2) variables.putValue((String) keyValues[i], keyValues[i + 1]);
        return engine.evaluateDecision(decisions.get("Decision_" + decision), variables).getSingleResult();
    }

    private static String earliestEviction(String grantedOn, String executionPossibleFrom, String noticeToQuitDueOn, String gracePeriodDueOn,
                                           String suspensionDueOn) {
        return (String) decideDrd("EarliestEviction", "grantedOn", grantedOn, "executionPossibleFrom", executionPossibleFrom,
                "noticeToQuitDueOn", noticeToQuitDueOn, "gracePeriodDueOn", gracePeriodDueOn, "suspensionDueOn", suspensionDueOn).get("dueOn");
    }

    @Test
    void earliestEvictionIsTheDayAfterTheLastDelayOutsideTheWinterTruce() {
        // row 2 (outside the truce): the grant itself, or the day after the latest delay still running
        assertThat(earliestEviction("2025-05-10", null, null, null, null)).isEqualTo("2025-05-10");
        assertThat(earliestEviction("2025-05-10", "2025-06-02", "2025-05-01", null, null)).as("execution possible from").isEqualTo("2025-06-02");
        assertThat(earliestEviction("2025-05-10", null, "2025-05-20", null, null)).as("notice to quit running").isEqualTo("2025-05-21");
        assertThat(earliestEviction("2025-05-10", null, "2025-03-01", "2025-08-31", null)).as("grace period").isEqualTo("2025-09-01");
        assertThat(earliestEviction("2025-05-10", null, null, "2025-08-31", "2025-10-15")).as("suspension ends last").isEqualTo("2025-10-16");
        // row 1 (in the truce): 1 April, across the year end too
        assertThat(earliestEviction("2025-01-10", null, null, null, null)).isEqualTo("2025-04-01");
        assertThat(earliestEviction("2025-05-10", null, null, null, "2025-10-31")).as("suspension ends on the eve of the truce").isEqualTo("2026-04-01");
        assertThat(earliestEviction("2024-12-20", null, null, "2024-12-31", null)).as("across the year end").isEqualTo("2025-04-01");
        assertThat(earliestEviction("2025-03-01", null, null, "2025-03-30", null)).as("last day of the truce").isEqualTo("2025-04-01");
        assertThat(earliestEviction("2025-03-01", null, null, "2025-03-31", null)).as("the day after the truce").isEqualTo("2025-04-01");
        assertThat(decideDrd("EarliestEviction", "grantedOn", "2025-01-10", "executionPossibleFrom", null, "noticeToQuitDueOn", null,
                "gracePeriodDueOn", null, "suspensionDueOn", null).get("regime").toString()).contains("L412-6");
    }

    @Test
    void theSocialDiagnosisIsDueTheDayBeforeTheHearing() {
        assertThat(decide("SocialDiagnosisBeforeHearing", "hearingOn", "2024-06-20").get("dueOn")).isEqualTo("2024-06-19");
        assertThat(decide("SocialDiagnosisBeforeHearing", "hearingOn", "2025-01-01").get("dueOn")).as("across the year end").isEqualTo("2024-12-31");
        assertThat(decide("SocialDiagnosisBeforeHearing", "hearingOn", "2024-03-01").get("dueOn")).as("leap year").isEqualTo("2024-02-29");
    }

    @Test
    void theEnforcementJudgesGracePeriodKeepsHisMonthsUnderEitherRegime() {
        expect(decide("GracePeriodEnforcementJudge", "gracePeriodGrantedOn", "2023-07-28", "gracePeriodGrantedMonths", 24), 24, "MONTHS");
        expect(decide("GracePeriodEnforcementJudge", "gracePeriodGrantedOn", "2023-07-29", "gracePeriodGrantedMonths", 3), 3, "MONTHS");
        assertThat(decide("GracePeriodEnforcementJudge", "gracePeriodGrantedOn", "2023-07-29", "gracePeriodGrantedMonths", 3).get("regime").toString()).contains("1 an");
    }
}
