package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Case examined by the CCAPEX (<i>examen en CCAPEX</i>: avis et préconisations). */
public record CcapexExamined(String caseId, LocalDate occurredOn, RecordedBy recordedBy, String opinion, List<String> recommendations) implements CaseEvent {}
