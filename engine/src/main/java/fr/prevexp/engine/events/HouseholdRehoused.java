package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Household rehoused (<i>ménage relogé</i>). */
public record HouseholdRehoused(String caseId, LocalDate occurredOn, RecordedBy recordedBy, @Size(max = Limits.NAME, message = Limits.TOO_LONG) String by) implements CaseEvent {}
