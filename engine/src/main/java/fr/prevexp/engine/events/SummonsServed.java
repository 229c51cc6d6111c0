package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Summons served (<i>assignation délivrée</i>) to terminate the lease, with the hearing date. */
public record SummonsServed(String caseId, LocalDate occurredOn, RecordedBy recordedBy, LocalDate hearingOn, String court) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(hearingOn != null, "hearingOn", "is required (date of the hearing)")
                .require(hearingOn == null || occurredOn == null || hearingOn.isAfter(occurredOn), "hearingOn",
                        "must be after the date the summons was served").list();
    }
}
