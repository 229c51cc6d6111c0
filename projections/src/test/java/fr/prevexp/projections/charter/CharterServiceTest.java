package fr.prevexp.projections.charter;

import fr.prevexp.engine.*;
import fr.prevexp.engine.events.*;
import fr.prevexp.projections.indicators.IndicatorProjection;
import fr.prevexp.projections.indicators.IndicatorService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DataJpaTest
// Each event is handled in its own transaction (as by its processor, so that a failure parks that event only): the
// projection's writes are committed, not rolled back with a test transaction; each test starts from empty tables.
@org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
@Import({IndicatorProjection.class, IndicatorService.class, fr.prevexp.projections.FixedToday.class})
class CharterServiceTest {

    @Autowired
    IndicatorProjection projection;

    @org.junit.jupiter.api.BeforeEach
    void emptyTables() {
        projection.reset();
    }
    @Autowired
    IndicatorService indicators;
    static final RecordedBy BY = new RecordedBy(Trade.CCAPEX, "c");
    int dossiers;

    /** A dossier whose eviction and order to leave fall on the given dates. */
    private void evicted(String noticeToQuitOn, String evictedOn) {
        String id = "d" + (dossiers++);
        projection.on(new CaseOpened(id, LocalDate.parse("2018-01-10"), BY, id, CaseSource.CAF, Parc.PRIVATE, "21231", null, null,
                new Landlord(LandlordKind.PRIVATE_PERSON, "B", null), BigDecimal.ONE, null, BigDecimal.ONE), 0);
        projection.on(new NoticeToQuitServed(id, LocalDate.parse(noticeToQuitOn), BY), 1);
        if (evictedOn != null) projection.on(new EvictionCarriedOut(id, LocalDate.parse(evictedOn), BY, false), 2);
    }

    @Test
    void bothShippedChartersLoad() {
        Charter ssd = CharterService.load(new ClassPathResource("charters/seine-saint-denis-2022.yml"));
        Charter cd21 = CharterService.load(new ClassPathResource("charters/cote-d-or-2020.yml"));
        assertThat(ssd.objectives()).hasSize(6);
        assertThat(cd21.indicators()).hasSize(23);
        assertThat(cd21.objectives().get(0).target().change()).isEqualTo(-0.30);
    }

    @Test
    void anInvalidCharterIsRefusedWithTheReason() {
        ByteArrayResource bad = new ByteArrayResource("""
                departement: "21"
                name: x
                from: 2020
                to: 2024
                baselineYear: 2019
                objectives:
                  - indicator: EVICTIONS_CARRIED_OUT
                    label: x
                    target: { type: TREND }
                indicators: []
                """.getBytes());
        assertThatThrownBy(() -> CharterService.load(bad)).hasMessageContaining("TREND needs direction");
        ByteArrayResource unknown = new ByteArrayResource("departement: '21'\nindicators: [NOT_AN_INDICATOR]\n".getBytes());
        assertThatThrownBy(() -> CharterService.load(unknown)).hasMessageContaining("invalid");
    }

    @Test
    void coteDOrMinusThirtyPercentOverFiveYears() {
        for (int i = 0; i < 10; i++) evicted("2018-09-01", "2019-06-01");   // baseline 2019: 10 evictions
        for (int i = 0; i < 9; i++) evicted("2019-09-01", "2020-06-01");    // 2020: 9 (target 10 × (1 - 0.30 × 1/5) = 9.4)
        for (int i = 0; i < 9; i++) evicted("2020-09-01", "2021-06-01");    // 2021: 9 (target 8.8)
        CharterService service = new CharterService(new ClassPathResource("charters/cote-d-or-2020.yml"), indicators);
        var years = service.evaluate().objectives().get(0).years();
        assertThat(years.get(0)).isEqualTo(new CharterService.YearResult(2020, 9.0, 9.4, "MET"));
        assertThat(years.get(1)).isEqualTo(new CharterService.YearResult(2021, 9.0, 8.8, "NOT_MET"));
        assertThat(years.get(4).target()).isEqualTo(7.0);
        assertThat(years.get(2).status()).as("2022: no act at all is no data, not zero").isEqualTo("NO_DATA");
    }

    @Test
    void seineSaintDenisMinusFourPercentOfOrdersToLeaveAYear() {
        for (int i = 0; i < 25; i++) evicted("2021-03-01", null);
        for (int i = 0; i < 24; i++) evicted("2022-03-01", null);
        for (int i = 0; i < 24; i++) evicted("2023-03-01", null);
        CharterService service = new CharterService(new ClassPathResource("charters/seine-saint-denis-2022.yml"), indicators);
        var cql = service.evaluate().objectives().stream().filter(o -> o.indicator().equals("NOTICES_TO_QUIT")).findFirst().orElseThrow();
        assertThat(cql.years().get(0)).isEqualTo(new CharterService.YearResult(2022, 24.0, 24.0, "MET"));
        assertThat(cql.years().get(1)).isEqualTo(new CharterService.YearResult(2023, 24.0, 23.04, "NOT_MET"));
        assertThat(cql.years().get(2).status()).isEqualTo("NO_DATA");  // 2024: no act recorded
    }

    @Test
    void aYearComparedWithAYearWithoutTheIndicatorHasNoTargetRatherThanATargetOfZero() {
        evicted("2022-03-01", null);                 // 2022: an order to leave, no eviction (0 evictions)
        evicted("2022-09-01", "2023-06-01");         // 2023: one eviction
        CharterService service = new CharterService(new ClassPathResource("charters/seine-saint-denis-2022.yml"), indicators);
        var evictions = service.evaluate().objectives().stream().filter(o -> o.indicator().equals("EVICTIONS_CARRIED_OUT")).findFirst().orElseThrow();
        assertThat(evictions.years().get(0)).as("2022 against the baseline 2021, a year without acts")
                .isEqualTo(new CharterService.YearResult(2022, 0.0, null, "NO_BASELINE"));
        assertThat(evictions.years().get(1)).as("2023 against 2022's 0: not a target of 0 missed")
                .isEqualTo(new CharterService.YearResult(2023, 1.0, null, "NO_BASELINE"));
        assertThat(evictions.years().get(2).status()).isEqualTo("NO_DATA");
    }

    @Test
    void anAlmostEmptyPreviousYearIsNotComparedWith() {
        evicted("2022-03-01", "2022-06-01");         // 2022: one order to leave, one eviction (a partial year)
        for (int i = 0; i < 12; i++) evicted("2023-03-01", "2023-06-01");   // 2023: 12 of each, 24 acts against 2022's 2
        CharterService service = new CharterService(new ClassPathResource("charters/seine-saint-denis-2022.yml"), indicators);
        var evictions = service.evaluate().objectives().stream().filter(o -> o.indicator().equals("EVICTIONS_CARRIED_OUT")).findFirst().orElseThrow();
        assertThat(evictions.years().get(1)).as("2023 is not measured against 2022's single eviction")
                .isEqualTo(new CharterService.YearResult(2023, 12.0, null, "NO_BASELINE"));
    }

    @Test
    void aCountTenTimesSmallerTheYearBeforeIsNotComparedWith() {
        evicted("2022-03-01", "2022-06-01");                                  // 2022: 1 eviction...
        for (int i = 0; i < 12; i++) evicted("2022-09-01", "2023-06-01");     // ...and 13 orders to leave; 2023: 12 evictions
        CharterService service = new CharterService(new ClassPathResource("charters/seine-saint-denis-2022.yml"), indicators);
        var evictions = service.evaluate().objectives().stream().filter(o -> o.indicator().equals("EVICTIONS_CARRIED_OUT")).findFirst().orElseThrow();
        assertThat(evictions.years().get(1)).as("2022's evictions were not all recorded: no target for 2023")
                .isEqualTo(new CharterService.YearResult(2023, 12.0, null, "NO_BASELINE"));
    }
}
