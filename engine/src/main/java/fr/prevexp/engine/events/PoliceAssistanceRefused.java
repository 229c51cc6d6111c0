package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Police assistance refused by the préfet (<i>refus du concours de la force publique</i>). */
public record PoliceAssistanceRefused(String caseId, LocalDate occurredOn, RecordedBy recordedBy) implements CaseEvent {}
