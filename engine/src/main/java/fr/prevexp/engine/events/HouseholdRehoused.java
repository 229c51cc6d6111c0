package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Household rehoused (<i>ménage relogé</i>). */
public record HouseholdRehoused(String caseId, LocalDate occurredOn, RecordedBy recordedBy, String by) implements CaseEvent {}
