package fr.prevexp.projections.indicators;

import fr.prevexp.engine.*;
import fr.prevexp.engine.events.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Feeds sequences of events to the indicators projection and asserts every indicator. */
@DataJpaTest
// Each event is handled in its own transaction (as by its processor, so that a failure parks that event only): the
// projection's writes are committed, not rolled back with a test transaction; each test starts from empty tables.
@org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
@Import({IndicatorProjection.class, IndicatorService.class, fr.prevexp.projections.FixedToday.class})
class IndicatorProjectionTest {

    @Autowired
    IndicatorProjection projection;

    @org.junit.jupiter.api.BeforeEach
    void emptyTables() {
        projection.reset();
    }
    @Autowired
    IndicatorService service;
    @Autowired
    IndicatorYearRepository years;
    private final Map<String, Long> sequences = new HashMap<>();
    private static final RecordedBy BY = new RecordedBy(Trade.CCAPEX, "ccapex");

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private void feed(CaseEvent... events) {
        for (CaseEvent e : events) {
            long seq = sequences.merge(e.caseId(), 1L, Long::sum) - 1;
            projection.on(e, seq);
        }
    }

    private CaseOpened open(String id, Parc parc, String territory, String debt) {
        return new CaseOpened(id, d("2023-06-01"), BY, id, CaseSource.CAF, parc, territory, null, null,
                new Landlord(parc == Parc.PUBLIC ? LandlordKind.SOCIAL : LandlordKind.PRIVATE_PERSON, "B", null),
                new BigDecimal("600.00"), null, new BigDecimal(debt));
    }

    private Map<String, Object> values(int year, String territory, Parc parc) {
        Map<String, Object> values = new HashMap<>();
        service.of(year, territory, parc).forEach(v -> values.put(v.key(), v.value()));
        return values;
    }

    /** A private dossier in Saint-Denis evicted in 2025 after a procedure that straddles 2024 and 2025. */
    private void evictedPrivate(String id) {
        feed(open(id, Parc.PRIVATE, "93066", "2400.00"),
                new PaymentOrderServed(id, d("2023-12-15"), BY, new BigDecimal("3000.00")),
                new CcapexExamined(id, d("2024-01-20"), BY, "avis", List.of()),
                new SummonsServed(id, d("2024-02-20"), BY, d("2024-05-02"), null),
                new HearingHeld(id, d("2024-05-02"), BY, false),
                new JudgmentDelivered(id, d("2024-06-01"), BY, JudgmentDelivered.Outcome.TERMINATION, null, null),
                new NoticeToQuitServed(id, d("2024-09-01"), BY),
                new PoliceAssistanceRequested(id, d("2024-11-15"), BY),
                new PoliceAssistanceGranted(id, d("2024-12-20"), BY, null),
                new EvictionCarriedOut(id, d("2025-01-10"), BY, false));
    }

    /** A social-housing dossier in Montreuil: conditional judgment, tenant present, left with the keys after the CQL. */
    private void conditionalPublic(String id) {
        feed(open(id, Parc.PUBLIC, "93048", "1200.00"),
                new CcapexReferralReceived(id, d("2024-01-05"), BY, "bailleur", null),
                new RepaymentPlanAgreed(id, d("2024-01-10"), BY, new BigDecimal("100.00"), 12),
                new RepaymentPlanBroken(id, d("2024-03-10"), BY),
                new SummonsServed(id, d("2024-03-20"), BY, d("2024-06-01"), null),
                new SocialDiagnosisRequested(id, d("2024-03-25"), BY, null),
                new SocialDiagnosisDelivered(id, d("2024-05-20"), BY, null),
                new CcapexExamined(id, d("2024-04-15"), BY, "avis", List.of()),
                new HearingHeld(id, d("2024-06-01"), BY, true),
                new JudgmentDelivered(id, d("2024-06-20"), BY, JudgmentDelivered.Outcome.TERMINATION_WITH_PAYMENT_DELAYS, 12, null),
                new HousingFundAidGranted(id, d("2024-07-01"), BY, new BigDecimal("500.00"), HousingFundAidGranted.AidForm.GRANT),
                new NoticeToQuitServed(id, d("2024-10-01"), BY),
                new SupportMeasureStarted(id, d("2024-10-05"), BY, SupportMeasure.ASLL),
                new SupportMeasureStarted(id, d("2024-10-06"), BY, SupportMeasure.SIAO_ORIENTATION),
                new DaloAppealFiled(id, d("2024-10-10"), BY),
                new DaloPriorityRecognised(id, d("2024-12-10"), BY),
                new KeysReturned(id, d("2025-02-01"), BY),
                new HouseholdRehoused(id, d("2025-02-01"), BY, "COMED"),
                new CaseClosed(id, d("2025-02-02"), BY, CaseOutcome.REHOUSED));
    }

    @BeforeEach
    void dossiers() {
        evictedPrivate("a");
        conditionalPublic("b");
        // A third dossier: a rejected claim in 2024 and a protocol in social housing; a MASP; over-indebtedness after examination.
        feed(open("c", Parc.PUBLIC, "93066", "800.00"),
                new UnpaidRentReported("c", d("2024-01-02"), BY, new BigDecimal("900.00"), 2),
                new CcapexExamined("c", d("2024-02-01"), BY, "avis", List.of()),
                new OverIndebtednessFileAdmitted("c", d("2024-09-01"), BY),
                new SummonsServed("c", d("2024-03-01"), BY, d("2024-05-10"), null),
                new JudgmentDelivered("c", d("2024-05-30"), BY, JudgmentDelivered.Outcome.TERMINATION, null, null),
                new SocialCohesionProtocolSigned("c", d("2024-07-01"), BY, 24),
                new NewLeaseSigned("c", d("2024-12-01"), BY),
                new SupportMeasureStarted("c", d("2024-07-02"), BY, SupportMeasure.MASP),
                new CaseClosed("c", d("2024-12-15"), BY, CaseOutcome.DEBT_CLEARED));
    }

    @Test
    void everyIndicatorOf2024() {
        Map<String, Object> v = values(2024, null, null);
        assertThat(v).containsEntry("PAYMENT_ORDERS", 0L).containsEntry("SUMMONSES", 3L).containsEntry("JUDGMENTS", 3L)
                .containsEntry("CONTRADICTORY_DECISION_RATE", 0.3333).containsEntry("CONDITIONAL_DECISION_RATE", 0.3333)
                .containsEntry("NOTICES_TO_QUIT", 2L).containsEntry("POLICE_ASSISTANCE_REQUESTED", 1L).containsEntry("POLICE_ASSISTANCE_GRANTED", 1L)
                .containsEntry("GRANTED_TO_SUMMONS_RATIO", 0.3333).containsEntry("EVICTIONS_CARRIED_OUT", 0L).containsEntry("DEPARTURES_WITHOUT_POLICE", 0L)
                .containsEntry("CCAPEX_REFERRALS", 1L).containsEntry("REPAYMENT_PLANS", 1L).containsEntry("REPAYMENT_PLANS_BROKEN", 1L)
                .containsEntry("SOCIAL_DIAGNOSES_REQUESTED", 1L).containsEntry("SOCIAL_DIAGNOSES_DELIVERED", 1L).containsEntry("CCAPEX_EXAMINATIONS", 3L)
                .containsEntry("HOUSING_FUND_AIDS", 1L).containsEntry("PROTOCOLS_SIGNED", 1L).containsEntry("NEW_LEASES_AFTER_TERMINATION", 1L)
                .containsEntry("DALO_APPEALS", 1L).containsEntry("DALO_PRIORITIES", 1L).containsEntry("DALO_NOT_REHOUSED_WITHIN_3_MONTHS", 0L)
                .containsEntry("HOUSEHOLDS_REHOUSED", 0L).containsEntry("SIAO_ORIENTATIONS", 1L).containsEntry("ASLL_MEASURES", 1L)
                .containsEntry("MASP_MEASURES", 1L).containsEntry("UNPAID_RENT_REPORTS", 1L).containsEntry("DALO_SHARE_AT_POLICE_REQUEST", 0.0)
                .containsEntry("EVICTIONS_PRIVATE", 0L).containsEntry("EVICTIONS_PUBLIC", 0L).containsEntry("EVICTIONS_WITHOUT_SHELTER", 0L)
                .containsEntry("AVDL_MEASURES", 0L).containsEntry("EMPEX_MEASURES", 0L).containsEntry("SUMMONSES_PRIVATE", 1L)
                .containsEntry("SUMMONSES_PUBLIC", 2L).containsEntry("NOTICES_TO_QUIT_PRIVATE", 1L).containsEntry("NOTICES_TO_QUIT_PUBLIC", 1L)
                .containsEntry("IMPLICIT_REFUSALS", 0L)
                // debts at examination: a 3000.00 (claimed in the CDP), b 1200.00 (opening), c 900.00 (reported): median 1200.00
                .containsEntry("MEDIAN_DEBT_EXAMINED", new BigDecimal("1200.00"))
                // one year after the examinations of 2024: a evicted 2025-01-10 (within 365 days of 2024-01-20), b rehoused 2025-02-01
                // (within 365 days of 2024-04-15), c debt cleared 2024-12-15 and over-indebtedness admitted 2024-09-01
                .containsEntry("FOLLOW_UP_EVICTED", 1L).containsEntry("FOLLOW_UP_REHOUSED", 1L).containsEntry("FOLLOW_UP_DEBT_CLEARED", 1L)
                .containsEntry("FOLLOW_UP_OVER_INDEBTEDNESS", 1L).containsEntry("FOLLOW_UP_CLOSED_OTHER", 0L)
                .containsEntry("OVER_INDEBTEDNESS_FILES", 1L).containsEntry("DALO_REHOUSINGS", 0L)
                .containsEntry("MEAN_DEBT_AT_OPENING", null);   // every dossier was opened in 2023
        assertThat(v).hasSize(Indicator.values().length);
    }

    @Test
    void actsThatStraddleTheYearBoundaryCountInTheYearOfTheirLegalDate() {
        Map<String, Object> v2023 = values(2023, null, null);
        assertThat(v2023).containsEntry("PAYMENT_ORDERS", 1L).containsEntry("SUMMONSES", 0L).containsEntry("CONTRADICTORY_DECISION_RATE", null)
                // opened in 2023 with 2400.00, 1200.00 and 800.00 of debt
                .containsEntry("MEAN_DEBT_AT_OPENING", new BigDecimal("1466.67"));
        assertThat(values(2023, null, Parc.PUBLIC)).containsEntry("MEAN_DEBT_AT_OPENING", new BigDecimal("1000.00"));
        Map<String, Object> v2025 = values(2025, null, null);
        assertThat(v2025).containsEntry("EVICTIONS_CARRIED_OUT", 1L).containsEntry("EVICTIONS_WITHOUT_SHELTER", 1L)
                .containsEntry("EVICTIONS_PRIVATE", 1L).containsEntry("DEPARTURES_WITHOUT_POLICE", 1L).containsEntry("HOUSEHOLDS_REHOUSED", 1L)
                .containsEntry("JUDGMENTS", 0L).containsEntry("GRANTED_TO_SUMMONS_RATIO", null)
                // b, recognised DALO priority on 2024-12-10, rehoused on 2025-02-01
                .containsEntry("DALO_REHOUSINGS", 1L);
    }

    @Test
    void narrowedToATerritoryOrAParc() {
        assertThat(values(2024, null, Parc.PUBLIC)).containsEntry("SUMMONSES", 2L).containsEntry("CONTRADICTORY_DECISION_RATE", 0.5)
                .containsEntry("POLICE_ASSISTANCE_GRANTED", 0L);
        assertThat(values(2024, null, Parc.PRIVATE)).containsEntry("SUMMONSES", 1L).containsEntry("CONTRADICTORY_DECISION_RATE", 0.0)
                .containsEntry("POLICE_ASSISTANCE_GRANTED", 1L).containsEntry("GRANTED_TO_SUMMONS_RATIO", 1.0);
        assertThat(values(2024, "93048", null)).containsEntry("SUMMONSES", 1L).containsEntry("CONDITIONAL_DECISION_RATE", 1.0)
                .containsEntry("FOLLOW_UP_REHOUSED", 1L).containsEntry("FOLLOW_UP_EVICTED", 0L).containsEntry("MEDIAN_DEBT_EXAMINED", new BigDecimal("1200.00"));
        assertThat(values(2024, null, Parc.PRIVATE)).containsEntry("FOLLOW_UP_EVICTED", 1L).containsEntry("FOLLOW_UP_REHOUSED", 0L)
                .containsEntry("MEDIAN_DEBT_EXAMINED", new BigDecimal("3000.00")).containsEntry("DALO_PRIORITIES", 0L);
        assertThat(values(2024, "93066", Parc.PUBLIC)).containsEntry("FOLLOW_UP_DEBT_CLEARED", 1L).containsEntry("FOLLOW_UP_OVER_INDEBTEDNESS", 1L)
                .containsEntry("FOLLOW_UP_EVICTED", 0L).containsEntry("CCAPEX_EXAMINATIONS", 1L);
        assertThat(values(2024, "93066", Parc.PUBLIC)).containsEntry("SUMMONSES", 1L).containsEntry("PROTOCOLS_SIGNED", 1L);
    }

    @Test
    void daloPrioritiesNotRehousedWithinThreeMonths() {
        feed(open("d", Parc.PRIVATE, "93066", "500.00"),
                new DaloAppealFiled("d", d("2024-01-10"), BY),
                new DaloPriorityRecognised("d", d("2024-03-01"), BY),
                new HouseholdRehoused("d", d("2024-06-15"), BY, null));
        feed(open("e", Parc.PRIVATE, "93066", "500.00"),
                new DaloAppealFiled("e", d("2024-01-10"), BY),
                new DaloPriorityRecognised("e", d("2024-03-01"), BY),
                new HouseholdRehoused("e", d("2024-05-20"), BY, null));
        // b was recognised on 2024-12-10 and rehoused on 2025-02-01: within 3 months. d was rehoused too late.
        assertThat(values(2024, null, null)).containsEntry("DALO_PRIORITIES", 3L).containsEntry("DALO_NOT_REHOUSED_WITHIN_3_MONTHS", 1L)
                .containsEntry("DALO_REHOUSINGS", 2L).containsEntry("HOUSEHOLDS_REHOUSED", 2L);
        // a household rehoused without any DALO recognition is not a DALO rehousing
        feed(open("f", Parc.PUBLIC, "93048", "500.00"), new HouseholdRehoused("f", d("2024-04-01"), BY, "bailleur"));
        assertThat(values(2024, null, null)).containsEntry("DALO_REHOUSINGS", 2L).containsEntry("HOUSEHOLDS_REHOUSED", 3L);
    }

    @Test
    void actsRecordedOutOfTheirLegalOrderCountByTheirDates() {
        // The judgment is recorded before the hearing it followed (the registry reported the hearing late);
        // the DALO recognition is recorded after the police request and the rehousing it preceded;
        // the keys returned are recorded before the order to leave served earlier.
        feed(open("g", Parc.PRIVATE, "93008", "700.00"),
                new JudgmentDelivered("g", d("2024-03-20"), BY, JudgmentDelivered.Outcome.TERMINATION, null, null),
                new HearingHeld("g", d("2024-02-28"), BY, true),
                new HearingHeld("g", d("2024-04-10"), BY, false),   // a later hearing (enforcement judge) does not change the judgment
                new KeysReturned("g", d("2024-10-02"), BY),
                new NoticeToQuitServed("g", d("2024-06-01"), BY),
                new PoliceAssistanceRequested("g", d("2024-09-01"), BY),
                new HouseholdRehoused("g", d("2024-09-30"), BY, "COMED"),
                new DaloPriorityRecognised("g", d("2024-07-15"), BY));
        Map<String, Object> g = values(2024, "93008", null);
        assertThat(g).containsEntry("JUDGMENTS", 1L).containsEntry("CONTRADICTORY_DECISION_RATE", 1.0)
                .containsEntry("DEPARTURES_WITHOUT_POLICE", 1L).containsEntry("DALO_SHARE_AT_POLICE_REQUEST", 1.0)
                .containsEntry("DALO_REHOUSINGS", 1L);

        // A DALO recognition after the request does not make it a DALO household's request.
        feed(open("h", Parc.PRIVATE, "93008", "700.00"),
                new PoliceAssistanceRequested("h", d("2024-09-01"), BY),
                new DaloPriorityRecognised("h", d("2024-11-15"), BY));
        assertThat(values(2024, "93008", null)).containsEntry("DALO_SHARE_AT_POLICE_REQUEST", 0.5);
    }

    @Test
    void theYearsAndCommunesOfTheActs() {
        // the procedure's own deadline bookkeeping does not make a year
        feed(new DeadlineScheduled("a", d("2026-01-05"), RecordedBy.procedure(), DeadlineKind.DALO_REHOUSING, d("2026-01-05"), d("2026-04-05")));
        assertThat(service.years()).containsExactly(2025, 2024, 2023);
        assertThat(service.yearsWithActs()).containsExactlyInAnyOrder(2023, 2024, 2025);
        assertThat(service.territories()).containsExactly("93048", "93066");
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        projection.on(new SummonsServed("a", d("2024-02-20"), BY, d("2024-05-02"), null), 3);
        assertThat(values(2024, null, null)).containsEntry("SUMMONSES", 3L);
        assertThat(years.findById(2024).orElseThrow().getActs()).as("acts of 2024 (a 7, b 15, c 9), counted once").isEqualTo(31);
    }

    @Test
    void aWithdrawnImplicitRefusalNoLongerCounts() {
        RecordedBy procedure = RecordedBy.procedure();
        long before = (Long) values(2026, "93001", null).get("IMPLICIT_REFUSALS");
        feed(open("ir1", Parc.PRIVATE, "93001", "1000.00"), new PoliceAssistanceRequested("ir1", d("2025-11-05"), BY),
                new PoliceAssistanceImplicitlyRefused("ir1", d("2026-01-06"), procedure));
        feed(open("ir2", Parc.PRIVATE, "93001", "1000.00"), new PoliceAssistanceRequested("ir2", d("2025-11-05"), BY),
                new PoliceAssistanceImplicitlyRefused("ir2", d("2026-01-06"), procedure));
        assertThat(values(2026, "93001", null)).containsEntry("IMPLICIT_REFUSALS", before + 2);
        feed(new PoliceAssistanceGranted("ir2", d("2025-12-20"), BY, null),
                new DeadlineCorrected("ir2", d("2025-12-20"), procedure, DeadlineKind.POLICE_ASSISTANCE_DECISION, d("2026-01-05"),
                        DeadlineStatus.MET, "PoliceAssistanceGranted", "accordé dans le délai"),
                new ImplicitRefusalWithdrawn("ir2", d("2025-12-20"), procedure, d("2026-01-06"), "PoliceAssistanceGranted", "accordé dans le délai"));
        assertThat(values(2026, "93001", null)).as("the withdrawn refusal no longer counts").containsEntry("IMPLICIT_REFUSALS", before + 1);
    }
}
