package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Summons served (<i>assignation délivrée</i>) to terminate the lease, with the hearing date. */
public record SummonsServed(String caseId, LocalDate occurredOn, RecordedBy recordedBy, LocalDate hearingOn, @Size(max = Limits.NAME, message = Limits.TOO_LONG) String court) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(hearingOn != null, "hearingOn", "obligatoire (date de l'audience)")
                .require(hearingOn == null || occurredOn == null || hearingOn.isAfter(occurredOn), "hearingOn",
                        "doit être postérieure à la date de l'assignation")
                .require(hearingOn == null || occurredOn == null || !hearingOn.isAfter(occurredOn.plusYears(Limits.HEARING_YEARS_AFTER_SUMMONS)),
                        "hearingOn", "doit être au plus " + Limits.HEARING_YEARS_AFTER_SUMMONS + " ans après l'assignation").list();
    }
}
