package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** DALO appeal filed (<i>recours DALO</i>). */
public record DaloAppealFiled(String caseId, LocalDate occurredOn, RecordedBy recordedBy) implements CaseEvent {}
