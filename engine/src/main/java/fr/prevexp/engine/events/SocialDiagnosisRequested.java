package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Social and financial diagnosis requested (<i>diagnostic social et financier demandé</i>, DSF). */
public record SocialDiagnosisRequested(String caseId, LocalDate occurredOn, RecordedBy recordedBy, @Size(max = Limits.NAME, message = Limits.TOO_LONG) String requestedFrom) implements CaseEvent {}
