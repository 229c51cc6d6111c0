package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A legal deadline starts (<i>échéance ouverte</i>): recorded by the procedure with the dates its DMN tables decided. */
public record DeadlineScheduled(String caseId, LocalDate occurredOn, RecordedBy recordedBy, DeadlineKind kind, LocalDate startsOn, LocalDate dueOn) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(kind != null, "kind", "obligatoire")
                .require(startsOn != null, "startsOn", "obligatoire").require(dueOn != null, "dueOn", "obligatoire").list();
    }
}
