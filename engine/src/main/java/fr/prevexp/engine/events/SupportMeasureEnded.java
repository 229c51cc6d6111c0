package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Social support measure ended (<i>fin de la mesure d'accompagnement</i>). */
public record SupportMeasureEnded(String caseId, LocalDate occurredOn, RecordedBy recordedBy, SupportMeasure kind) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(kind != null, "kind", "obligatoire : " + java.util.Arrays.toString(SupportMeasure.values())).list();
    }
}
