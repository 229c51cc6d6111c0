package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A legal deadline met (<i>échéance respectée</i>): the awaited act came within the window. */
public record DeadlineMet(String caseId, LocalDate occurredOn, RecordedBy recordedBy, DeadlineKind kind) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(kind != null, "kind", "obligatoire").list();
    }
}
