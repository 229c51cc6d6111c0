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
        return FieldProblem.Check.of().require(until != null, "until", "obligatoire (fin de la suspension ordonnée par le juge)")
                .require(until == null || occurredOn == null || until.isAfter(occurredOn), "until", "doit être postérieure à la décision")
                .require(until == null || occurredOn == null || !until.isAfter(occurredOn.plusYears(2)), "until",
                        "la suspension dure au plus 2 ans (C. consom. L722-6 à L722-9)").list();
    }
}
