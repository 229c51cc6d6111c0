package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A legal deadline elapsed (<i>échéance atteinte</i>): recorded by the procedure when its timer fires. */
public record DeadlineElapsed(String caseId, LocalDate occurredOn, RecordedBy recordedBy, DeadlineKind kind, LocalDate dueOn) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(kind != null, "kind", "obligatoire").list();
    }
}
