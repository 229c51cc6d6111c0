package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Over-indebtedness file admissible (<i>dossier de surendettement recevable</i>, Banque de France). */
public record OverIndebtednessFileAdmitted(String caseId, LocalDate occurredOn, RecordedBy recordedBy) implements CaseEvent {}
