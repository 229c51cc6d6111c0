package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request for police assistance (<i>réquisition du concours de la force publique</i>, CFP). */
public record PoliceAssistanceRequested(String caseId, LocalDate occurredOn, RecordedBy recordedBy) implements CaseEvent {}
