package fr.prevexp.engine.events;

import jakarta.validation.constraints.Size;

import fr.prevexp.engine.*;

import java.time.LocalDate;
import java.util.List;

/**
 * A deadline moved (<i>échéance reportée</i>): a later act changed a date it depends on (a
 * suspension of eviction measures after the grant of police assistance, a grace period granted by
 * the enforcement judge, a new hearing date) and the procedure recomputed it. The deadline of
 * {@code kind} that was due on {@code previousDueOn} is now due on {@code dueOn}; dated by the act
 * that moved it ({@code act}, its type; {@code occurredOn}, its legal date), with the reason in
 * French. Recorded by the procedure; the first schedule stays in the log.
 */
public record DeadlineRescheduled(String caseId, LocalDate occurredOn, RecordedBy recordedBy, DeadlineKind kind, LocalDate previousDueOn,
                                  LocalDate dueOn, @Size(max = Limits.CODE, message = Limits.TOO_LONG) String act,
                                  @Size(max = Limits.TEXT, message = Limits.TOO_LONG) String reason) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(kind != null, "kind", "obligatoire").require(previousDueOn != null, "previousDueOn", "obligatoire")
                .require(dueOn != null, "dueOn", "obligatoire").require(act != null, "act", "obligatoire").list();
    }
}
