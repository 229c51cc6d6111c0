package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Social and financial diagnosis not delivered (<i>carence du DSF</i>). */
public record SocialDiagnosisNotDelivered(String caseId, LocalDate occurredOn, RecordedBy recordedBy, @PersonalData(PersonalData.Kind.FREE_TEXT) @Size(max = Limits.TEXT, message = Limits.TOO_LONG) String reason) implements CaseEvent {}
