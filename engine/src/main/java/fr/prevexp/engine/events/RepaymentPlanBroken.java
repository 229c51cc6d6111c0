package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Repayment plan not kept (<i>plan d'apurement non respecté</i>). */
public record RepaymentPlanBroken(String caseId, LocalDate occurredOn, RecordedBy recordedBy) implements CaseEvent {}
