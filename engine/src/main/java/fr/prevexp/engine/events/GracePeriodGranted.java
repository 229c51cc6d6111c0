package fr.prevexp.engine.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import fr.prevexp.engine.*;

import java.time.LocalDate;
import java.util.List;

/**
 * Grace period granted by the enforcement judge (<i>délais pour quitter les lieux accordés par le
 * juge de l'exécution</i>, CPCE L412-3 and L412-4) after the judgment: {@code months} counted from
 * the decision ({@code occurredOn}). No eviction before its end; the earliest eviction date moves.
 * A grace period granted by the judgment itself is {@link JudgmentDelivered#gracePeriodMonths()}.
 */
public record GracePeriodGranted(String caseId, LocalDate occurredOn, RecordedBy recordedBy,
                                 @Min(value = 1, message = Limits.MONTHS_AT_LEAST) @Max(value = Limits.JUDGMENT_DELAY_MONTHS_MAX, message = Limits.MONTHS_AT_MOST) Integer months) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(months != null, "months", "obligatoire (durée des délais accordés, en mois)").list();
    }
}
