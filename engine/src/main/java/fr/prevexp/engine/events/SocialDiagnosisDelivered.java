package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Social and financial diagnosis delivered to the judge (<i>DSF transmis au juge</i>). */
public record SocialDiagnosisDelivered(String caseId, LocalDate occurredOn, RecordedBy recordedBy, LocalDate sentToJudgeOn) implements CaseEvent {}
