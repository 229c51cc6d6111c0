package fr.prevexp.engine.events;

import jakarta.validation.constraints.Size;

import fr.prevexp.engine.*;

import java.time.LocalDate;
import java.util.List;

/**
 * An irregularity withdrawn (<i>irrégularité retirée</i>): an act dated in time but recorded after
 * the procedure had flagged its absence (a DSF dated before the hearing) shows the procedure was
 * regular. Dated by the act that revealed it ({@code act}). Recorded by the procedure; the flag
 * stays in the log.
 */
public record IrregularityWithdrawn(String caseId, LocalDate occurredOn, RecordedBy recordedBy, Irregularity code,
                                    @Size(max = Limits.CODE, message = Limits.TOO_LONG) String act,
                                @Size(max = Limits.TEXT, message = Limits.TOO_LONG) String reason) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(code != null, "code", "is required").require(act != null, "act", "is required").list();
    }
}
