package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Case closed (<i>clôture du dossier</i>) with its outcome. */
public record CaseClosed(String caseId, LocalDate occurredOn, RecordedBy recordedBy, CaseOutcome outcome) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(outcome != null, "outcome", "obligatoire : " + java.util.Arrays.toString(CaseOutcome.values())).list();
    }
}
