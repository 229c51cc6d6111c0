package fr.prevexp.projections.bench;

import fr.prevexp.projections.charter.CharterService;
import fr.prevexp.projections.indicators.IndicatorService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How long the indicators of a whole département year take at full Seine-Saint-Denis scale (about
 * 13,000 dossiers a year, 10 acts each plus the procedure's deadline bookkeeping, over 8 years).
 * Run with {@code mvn -o -pl projections -am test -Pbench }.
 */
@Tag("bench")
@DataJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({IndicatorService.class, fr.prevexp.projections.FixedToday.class})
class DepartementYearBenchTest {

    static final String[] ACTS = {"CaseOpened", "PaymentOrderServed", "CcapexReferralReceived", "SummonsServed", "SocialDiagnosisRequested",
            "SocialDiagnosisDelivered", "CcapexExamined", "HearingHeld", "JudgmentDelivered", "NoticeToQuitServed", "PoliceAssistanceRequested",
            "PoliceAssistanceGranted", "EvictionCarriedOut", "DeadlineScheduled", "DeadlineMet", "DeadlineScheduled", "DeadlineElapsed"};

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IndicatorService indicators;

    @Test
    void aDepartementYear() {
        Random random = new Random(93);
        String[] communes = {"93066", "93048", "93001", "93008", "93005", "93029", "93070", "93055"};
        long t0 = System.nanoTime();
        int rows = 0;
        for (int year = 2018; year <= 2025; year++) {
            List<Object[]> batch = new ArrayList<>();
            for (int d = 0; d < 13000; d++) {
                String caseId = year + "-" + d;
                String territory = communes[random.nextInt(communes.length)];
                String parc = random.nextBoolean() ? "PUBLIC" : "PRIVATE";
                LocalDate on = LocalDate.of(year, 1, 1).plusDays(random.nextInt(200));
                for (int s = 0; s < ACTS.length; s++) {
                    String type = ACTS[s];
                    String code = type.equals("JudgmentDelivered") ? (random.nextInt(100) < 48 ? "TERMINATION_WITH_PAYMENT_DELAYS" : "TERMINATION") : null;
                    Boolean flag = type.equals("JudgmentDelivered") ? random.nextInt(100) < 39 : null;
                    LocalDate at = on.plusDays(s * 9L);
                    batch.add(new Object[]{caseId, s, type, at, at.getYear(), territory, parc, code, flag,
                            type.equals("CcapexExamined") ? java.math.BigDecimal.valueOf(1000 + random.nextInt(5000)) : null});
                }
            }
            jdbc.batchUpdate("insert into rm_indicator_fact (case_id, sequence, type, occurred_on, fact_year, territory, parc, code, flag, amount) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
            rows += batch.size();
            jdbc.update("insert into rm_indicator_year (act_year, acts) values (?, ?)", year, batch.size());
        }
        jdbc.update("insert into rm_indicator_year (act_year, acts) values (?, ?)", 2026, 1);
        System.out.printf("bench: %d fact rows written in %d ms%n", rows, (System.nanoTime() - t0) / 1_000_000);
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            indicators.of(2024, null, null);
            long all = System.nanoTime();
            indicators.of(2024, "93066", fr.prevexp.engine.Parc.PRIVATE);
            long narrow = System.nanoTime();
            CharterService charter = new CharterService(new ClassPathResource("charters/seine-saint-denis-2022.yml"), indicators);
            charter.evaluate();
            long end = System.nanoTime();
            indicators.years();
            indicators.territories();
            long filters = System.nanoTime();
            System.out.printf("bench round %d: département-year %d ms, commune+parc %d ms, charter (7 years + baseline) %d ms, years and territories %d ms%n", round,
                    (all - start) / 1_000_000, (narrow - all) / 1_000_000, (end - narrow) / 1_000_000, (filters - end) / 1_000_000);
        }
    }
}
