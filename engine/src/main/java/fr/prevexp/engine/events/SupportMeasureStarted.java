package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Social support measure started (<i>mesure d'accompagnement</i>: ASLL, MASP, AVDL, visite d'anticipation, EMPEX). */
public record SupportMeasureStarted(String caseId, LocalDate occurredOn, RecordedBy recordedBy, SupportMeasure kind) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(kind != null, "kind", "obligatoire : " + java.util.Arrays.toString(SupportMeasure.values())).list();
    }
}
