package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.time.LocalDate;
import java.util.List;

/**
 * Eviction measures suspended after over-indebtedness admissibility (<i>suspension des mesures
 * d'expulsion</i>, C. consom. L722-6 to L722-9): ordered by the judge until a date, at most 2 years.
 */
public record EvictionMeasuresSuspended(String caseId, LocalDate occurredOn, RecordedBy recordedBy, LocalDate until) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(until != null, "until", "is required (end of the suspension ordered by the judge)")
                .require(until == null || occurredOn == null || until.isAfter(occurredOn), "until", "must be after the decision").list();
    }
}
