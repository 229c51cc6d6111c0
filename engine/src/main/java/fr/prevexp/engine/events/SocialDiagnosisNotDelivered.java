package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Social and financial diagnosis not delivered (<i>carence du DSF</i>). */
public record SocialDiagnosisNotDelivered(String caseId, LocalDate occurredOn, RecordedBy recordedBy, String reason) implements CaseEvent {}
