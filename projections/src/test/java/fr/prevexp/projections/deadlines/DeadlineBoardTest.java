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
// Each event is handled in its own transaction (as by its processor, so that a failure parks that event only): the
// projection's writes are committed, not rolled back with a test transaction; each test starts from empty tables.
@org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
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

    @org.junit.jupiter.api.BeforeEach
    void emptyTables() {
        projection.reset();
    }
    @Autowired
    DeadlineBoard board;
    static final RecordedBy P = RecordedBy.procedure();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Autowired
    DeadlineEntryRepository entries;

    private void open(String id, String territory) {
        open(id, territory, Parc.PRIVATE);
    }

    private void open(String id, String territory, Parc parc) {
        projection.on(new CaseOpened(id, d("2024-01-10"), new RecordedBy(Trade.CCAPEX, "c"), "DOS-" + id, CaseSource.CAF, parc,
                territory, null, null, new Landlord(parc == Parc.PUBLIC ? LandlordKind.SOCIAL : LandlordKind.PRIVATE_PERSON, "B", null),
                BigDecimal.ONE, null, BigDecimal.ONE), 0);
    }

    private DeadlineStatus status(String caseId, long openedBySequence) {
        return entries.findById(new DeadlineEntry.Key(caseId, openedBySequence)).orElseThrow().getStatus();
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
        assertThat(all.overdue()).isEmpty();
        assertThat(status("b", 5)).isEqualTo(DeadlineStatus.MET);
        assertThat(status("c", 2)).as("a pending deadline of a closed dossier is cancelled").isEqualTo(DeadlineStatus.CANCELLED);
    }

    @Test
    void pendingPastItsLastDayIsOverdueUntilTheProcedureSettlesIt() {
        open("d", "93066");
        projection.on(new DeadlineScheduled("d", d("2024-01-20"), P, DeadlineKind.POLICE_ASSISTANCE_DECISION, d("2024-01-20"), d("2024-03-20")), 1);
        open("e", "93066");
        projection.on(new DeadlineScheduled("e", d("2024-01-20"), P, DeadlineKind.POLICE_ASSISTANCE_DECISION, d("2024-01-20"), d("2024-03-20")), 1);
        projection.on(new DeadlineCancelled("e", d("2024-02-01"), P, DeadlineKind.POLICE_ASSISTANCE_DECISION, "procédure poursuivie"), 2);

        DeadlineBoard.Board board = this.board.of(null, null, 30);
        assertThat(board.overdue()).extracting(DeadlineBoard.Line::caseId).containsExactly("d");
        assertThat(board.overdue().get(0).label()).isEqualTo("décision du préfet sur le concours de la force publique");
        assertThat(board.elapsed()).isEmpty();
        assertThat(status("e", 1)).isEqualTo(DeadlineStatus.CANCELLED);

        projection.on(new DeadlineElapsed("d", d("2024-03-21"), P, DeadlineKind.POLICE_ASSISTANCE_DECISION, d("2024-03-20")), 2);
        board = this.board.of(null, null, 30);
        assertThat(board.overdue()).isEmpty();
        assertThat(board.elapsed()).extracting(DeadlineBoard.Line::caseId).containsExactly("d");
        assertThat(this.board.of(null, null, 5).elapsed()).as("elapsed more than 5 days ago").isEmpty();
    }

    @Test
    void narrowedToAParcAndAWeekOfChoice() {
        open("p", "93066", Parc.PUBLIC);
        projection.on(new DeadlineScheduled("p", d("2024-03-01"), P, DeadlineKind.NOTICE_TO_QUIT_DELAY, d("2024-03-01"), d("2024-05-01")), 1);
        open("q", "93066", Parc.PRIVATE);
        projection.on(new DeadlineScheduled("q", d("2024-03-02"), P, DeadlineKind.NOTICE_TO_QUIT_DELAY, d("2024-03-02"), d("2024-05-02")), 1);

        DeadlineBoard.Board week = board.of(d("2024-05-01"), null, null, 30);
        assertThat(week.weekFrom()).isEqualTo(d("2024-04-29"));
        assertThat(week.weekTo()).isEqualTo(d("2024-05-05"));
        assertThat(week.dueThisWeek()).extracting(DeadlineBoard.Line::caseId).containsExactly("p", "q");
        assertThat(board.of(d("2024-05-01"), null, Parc.PUBLIC, 30).dueThisWeek()).extracting(DeadlineBoard.Line::caseId).containsExactly("p");
        assertThat(board.of(d("2024-05-01"), "93066", Parc.PRIVATE, 30).dueThisWeek()).extracting(DeadlineBoard.Line::parc)
                .containsExactly(Parc.PRIVATE);
        assertThat(board.of(null, null, 30).dueThisWeek()).as("not due in the week of 2024-04-03").isEmpty();
    }

    @Test
    void aDeadlineScheduledAgainIsSettledOnceAndAnEventDeliveredAgainChangesNothing() {
        open("r", "93048");
        projection.on(new DeadlineScheduled("r", d("2024-02-01"), P, DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING, d("2024-02-01"), d("2024-04-04")), 1);
        // a new hearing date: the procedure schedules the deadline again
        projection.on(new DeadlineScheduled("r", d("2024-03-01"), P, DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING, d("2024-03-01"), d("2024-05-10")), 2);
        projection.on(new DeadlineMet("r", d("2024-03-15"), P, DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING), 3);
        assertThat(status("r", 2)).isEqualTo(DeadlineStatus.MET);
        assertThat(status("r", 1)).isEqualTo(DeadlineStatus.PENDING);

        // the tracking processor delivers event 3 again (e.g. after a crash before its token was stored)
        projection.on(new DeadlineMet("r", d("2024-03-15"), P, DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING), 3);
        assertThat(status("r", 1)).as("the second delivery did not settle the older one").isEqualTo(DeadlineStatus.PENDING);
        projection.on(new DeadlineScheduled("r", d("2024-02-01"), P, DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING, d("2024-02-01"), d("2024-04-04")), 1);
        assertThat(entries.findAll()).hasSize(2);
    }

    @Test
    void aCorrectedDeadlineShowsItsCorrectedStatus() {
        open("k", "93066");
        projection.on(new DeadlineScheduled("k", d("2024-01-05"), P, DeadlineKind.POLICE_ASSISTANCE_DECISION, d("2024-01-05"), d("2024-03-05")), 2);
        projection.on(new DeadlineElapsed("k", d("2024-03-06"), P, DeadlineKind.POLICE_ASSISTANCE_DECISION, d("2024-03-05")), 3);
        assertThat(board.of(null, null, 30).elapsed()).extracting(DeadlineBoard.Line::caseId).contains("k");
        projection.on(new DeadlineCorrected("k", d("2024-02-20"), P, DeadlineKind.POLICE_ASSISTANCE_DECISION, d("2024-03-05"),
                DeadlineStatus.MET, "PoliceAssistanceGranted", "accordé dans le délai"), 5);
        assertThat(status("k", 2)).isEqualTo(DeadlineStatus.MET);
        assertThat(board.of(null, null, 30).elapsed()).extracting(DeadlineBoard.Line::caseId).doesNotContain("k");
    }

    @Test
    void aRescheduledDeadlineIsDueOnItsNewDay() {
        open("m", "93066");
        projection.on(new DeadlineScheduled("m", d("2025-01-10"), P, DeadlineKind.EARLIEST_EVICTION, d("2025-01-10"), d("2025-04-01")), 2);
        projection.on(new DeadlineRescheduled("m", d("2025-02-10"), P, DeadlineKind.EARLIEST_EVICTION, d("2025-04-01"), d("2025-05-11"),
                "GracePeriodGranted", "délais de 3 mois accordés par le juge de l'exécution"), 3);
        assertThat(entries.findAll()).singleElement().satisfies(e -> {
            assertThat(e.getDueOn()).isEqualTo(d("2025-05-11"));
            assertThat(e.getStatus()).isEqualTo(DeadlineStatus.PENDING);
        });
    }
}
