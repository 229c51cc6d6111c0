package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** New lease signed after termination (<i>nouveau bail</i>). */
public record NewLeaseSigned(String caseId, LocalDate occurredOn, RecordedBy recordedBy) implements CaseEvent {}
