package fr.prevexp.projections.deadlines;

import fr.prevexp.engine.*;
import fr.prevexp.engine.events.*;
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

import static org.assertj.core.api.Assertions.assertThat;

@DataJpaTest
@Import({DeadlineBoardProjection.class, DeadlineBoard.class, DeadlineBoardTest.Today.class})
class DeadlineBoardTest {
    @TestConfiguration
    static class Today {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2024-04-03T09:00:00Z"), ZoneOffset.UTC);   // a Wednesday
        }
    }

    @Autowired
    DeadlineBoardProjection projection;
    @Autowired
    DeadlineBoard board;
    static final RecordedBy P = RecordedBy.procedure();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private void open(String id, String territory) {
        projection.on(new CaseOpened(id, d("2024-01-10"), new RecordedBy(Trade.CCAPEX, "c"), "DOS-" + id, CaseSource.CAF, Parc.PRIVATE,
                territory, null, null, new Landlord(LandlordKind.PRIVATE_PERSON, "B", null), BigDecimal.ONE, null, BigDecimal.ONE), 0);
    }

    @Test
    void dueThisWeekAndElapsedPerTerritory() {
        open("a", "93066");
        projection.on(new DeadlineScheduled("a", d("2024-02-05"), P, DeadlineKind.PAYMENT_ORDER_DELAY, d("2024-02-05"), d("2024-04-05")), 2);
        open("b", "93048");
        projection.on(new DeadlineScheduled("b", d("2024-02-01"), P, DeadlineKind.PAYMENT_ORDER_DELAY, d("2024-02-01"), d("2024-04-01")), 2);
        projection.on(new DeadlineElapsed("b", d("2024-04-02"), P, DeadlineKind.PAYMENT_ORDER_DELAY, d("2024-04-01")), 3);
        projection.on(new DeadlineScheduled("b", d("2024-03-01"), P, DeadlineKind.DALO_REHOUSING, d("2024-03-01"), d("2024-04-06")), 5);
        projection.on(new DeadlineMet("b", d("2024-03-20"), P, DeadlineKind.DALO_REHOUSING), 6);
        open("c", "93066");
        projection.on(new DeadlineScheduled("c", d("2024-02-04"), P, DeadlineKind.NOTICE_TO_QUIT_DELAY, d("2024-02-04"), d("2024-04-04")), 2);
        projection.on(new CaseClosed("c", d("2024-03-01"), new RecordedBy(Trade.CCAPEX, "c"), CaseOutcome.DEBT_CLEARED), 3);

        DeadlineBoard.Board all = board.of(null, null, 30);
        assertThat(all.weekFrom()).isEqualTo(d("2024-04-01"));
        assertThat(all.dueThisWeek()).extracting(DeadlineBoard.Line::caseId).containsExactly("a");
        assertThat(all.elapsed()).extracting(DeadlineBoard.Line::caseId, DeadlineBoard.Line::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", DeadlineKind.PAYMENT_ORDER_DELAY));
        assertThat(board.of(null, "93048", 30).dueThisWeek()).isEmpty();
        assertThat(board.of(null, "93066", 30).dueThisWeek()).hasSize(1);
    }
}
