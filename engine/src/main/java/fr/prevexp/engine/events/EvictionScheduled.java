package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.time.LocalDate;
import java.util.List;

/**
 * Eviction scheduled (<i>expulsion programmée</i>): once police assistance is granted, the date
 * set for the eviction; the SIAO must be informed at least 10 days before (veille sociale).
 */
public record EvictionScheduled(String caseId, LocalDate occurredOn, RecordedBy recordedBy, LocalDate scheduledOn) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(scheduledOn != null, "scheduledOn", "obligatoire (date fixée pour l'expulsion)")
                .require(scheduledOn == null || occurredOn == null || !scheduledOn.isBefore(occurredOn), "scheduledOn",
                        "ne doit pas être antérieure au jour où elle a été fixée").list();
    }
}
