package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Household recognised as DALO priority (<i>reconnu prioritaire et urgent DALO</i>). */
public record DaloPriorityRecognised(String caseId, LocalDate occurredOn, RecordedBy recordedBy) implements CaseEvent {}
