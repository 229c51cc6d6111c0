package fr.prevexp.projections.deadlines;

import fr.prevexp.engine.DeadlineKind;
import fr.prevexp.engine.DeadlineStatus;
import fr.prevexp.engine.Parc;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** The deadline board (<i>tableau des échéances</i>): what falls due this week, what has elapsed, per territory. */
@Service
public class DeadlineBoard {
    private final DeadlineEntryRepository entries;
    private final Clock clock;

    public DeadlineBoard(DeadlineEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    public record Line(String caseId, String reference, DeadlineKind kind, String label, LocalDate startsOn, LocalDate dueOn,
                       DeadlineStatus status, String territory, Parc parc) {
        static Line of(DeadlineEntry d) {
            return new Line(d.getCaseId(), d.getReference(), d.getKind(), d.getKind().french(), d.getStartsOn(), d.getDueOn(),
                    d.getStatus(), d.getTerritory(), d.getParc());
        }
    }

    /**
     * The board of the week containing {@code day} (Monday to Sunday): the pending deadlines due in
     * it; those still pending although their last day is before the week (<i>en retard</i>: the
     * procedure has not recorded them as elapsed, met or cancelled; never hidden, however old); and
     * those recorded as elapsed in the {@code elapsedDays} days up to {@code day}.
     */
    public record Board(LocalDate weekFrom, LocalDate weekTo, String territory, Parc parc, List<Line> dueThisWeek, List<Line> overdue,
                        List<Line> elapsed) {
    }

    @Transactional(readOnly = true)
    public Board of(LocalDate day, String territory, int elapsedDays) {
        return of(day, territory, null, elapsedDays);
    }

    /** Today in the département (Europe/Paris), from the one clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(fr.prevexp.engine.aggregate.EvictionCase.LEGAL_ZONE));
    }

    /** The Monday of the board's week containing {@code day}: a deadline due before it and still pending is overdue (<i>en retard</i>). */
    public static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @Transactional(readOnly = true)
    public Board of(LocalDate day, String territory, Parc parc, int elapsedDays) {
        LocalDate today = day != null ? day : today();
        LocalDate monday = monday(today);
        LocalDate sunday = monday.plusDays(6);
        List<Line> due = entries.board(DeadlineStatus.PENDING, monday, sunday, territory, parc).stream().map(Line::of).toList();
        List<Line> overdue = entries.board(DeadlineStatus.PENDING, LocalDate.of(1900, 1, 1), monday.minusDays(1), territory, parc).stream()
                .map(Line::of).toList();
        List<Line> elapsed = entries.board(DeadlineStatus.ELAPSED, today.minusDays(elapsedDays), today, territory, parc).stream()
                .map(Line::of).toList();
        return new Board(monday, sunday, territory, parc, due, overdue, elapsed);
    }
}
