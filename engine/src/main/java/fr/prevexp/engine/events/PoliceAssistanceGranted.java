package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Police assistance granted (<i>concours de la force publique accordé</i>), with the first date the eviction may be executed. */
public record PoliceAssistanceGranted(String caseId, LocalDate occurredOn, RecordedBy recordedBy, LocalDate executionPossibleFrom) implements CaseEvent {}
