package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A legal deadline no longer relevant (<i>échéance sans objet</i>): the procedure took another path. */
public record DeadlineCancelled(String caseId, LocalDate occurredOn, RecordedBy recordedBy, DeadlineKind kind, String reason) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(kind != null, "kind", "is required").list();
    }
}
