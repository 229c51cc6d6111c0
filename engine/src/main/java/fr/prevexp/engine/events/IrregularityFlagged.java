package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An irregularity of the procedure (<i>irrégularité</i>): an act was recorded as it happened, but late, out of order or in breach of a legal delay. */
public record IrregularityFlagged(String caseId, LocalDate occurredOn, RecordedBy recordedBy, Irregularity code, @Size(max = Limits.CODE, message = Limits.TOO_LONG) String act, @Size(max = Limits.TEXT, message = Limits.TOO_LONG) String detail) implements CaseEvent {}
