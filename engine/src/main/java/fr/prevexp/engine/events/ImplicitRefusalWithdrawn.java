package fr.prevexp.engine.events;

import jakarta.validation.constraints.Size;

import fr.prevexp.engine.*;

import java.time.LocalDate;
import java.util.List;

/**
 * An implicit refusal withdrawn (<i>refus implicite retiré</i>): the préfet's decision, dated inside
 * the 2-month window but recorded after the procedure had concluded to his silence, shows there was
 * no implicit refusal ({@code refusedOn}: the date the withdrawn refusal bore). Dated by the decision
 * that revealed it ({@code act}). Recorded by the procedure; the refusal stays in the log.
 */
public record ImplicitRefusalWithdrawn(String caseId, LocalDate occurredOn, RecordedBy recordedBy, LocalDate refusedOn,
                                       @Size(max = Limits.CODE, message = Limits.TOO_LONG) String act,
                                @Size(max = Limits.TEXT, message = Limits.TOO_LONG) String reason) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(refusedOn != null, "refusedOn", "is required").require(act != null, "act", "is required").list();
    }
}
