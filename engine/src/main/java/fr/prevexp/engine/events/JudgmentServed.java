package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Judgment served on the tenant (<i>jugement signifié</i>). */
public record JudgmentServed(String caseId, LocalDate occurredOn, RecordedBy recordedBy) implements CaseEvent {}
