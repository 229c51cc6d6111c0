package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A legal deadline no longer relevant (<i>échéance sans objet</i>): the procedure took another path. */
public record DeadlineCancelled(String caseId, LocalDate occurredOn, RecordedBy recordedBy, DeadlineKind kind, @Size(max = Limits.TEXT, message = Limits.TOO_LONG) String reason) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(kind != null, "kind", "obligatoire").list();
    }
}
