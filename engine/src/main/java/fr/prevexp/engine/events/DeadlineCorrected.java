package fr.prevexp.engine.events;

import jakarta.validation.constraints.Size;

import fr.prevexp.engine.*;

import java.time.LocalDate;
import java.util.List;

/**
 * A deadline's conclusion corrected (<i>échéance rectifiée</i>): the procedure had declared the
 * window {@code ELAPSED} (its last day {@code dueOn}) without an act it did not know yet; that act,
 * dated inside the window, arrived later and settles it as {@code status} (MET). Dated by the act
 * that revealed it ({@code act}, its type; {@code occurredOn}, its legal date). Recorded by the
 * procedure; the first conclusion stays in the log.
 */
public record DeadlineCorrected(String caseId, LocalDate occurredOn, RecordedBy recordedBy, DeadlineKind kind, LocalDate dueOn,
                                DeadlineStatus status, @Size(max = Limits.CODE, message = Limits.TOO_LONG) String act,
                                @Size(max = Limits.TEXT, message = Limits.TOO_LONG) String reason) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(kind != null, "kind", "is required").require(dueOn != null, "dueOn", "is required")
                .require(status != null, "status", "is required").require(act != null, "act", "is required").list();
    }
}
