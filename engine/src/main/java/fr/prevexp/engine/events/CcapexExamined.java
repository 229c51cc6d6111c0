package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Case examined by the CCAPEX (<i>examen en CCAPEX</i>: avis et préconisations). */
public record CcapexExamined(String caseId, LocalDate occurredOn, RecordedBy recordedBy, @PersonalData(PersonalData.Kind.FREE_TEXT) @Size(max = Limits.TEXT, message = Limits.TOO_LONG) String opinion,
                             @PersonalData(PersonalData.Kind.FREE_TEXT) @Size(max = Limits.RECOMMENDATIONS, message = Limits.TOO_MANY) List<@Size(max = Limits.RECOMMENDATION, message = Limits.TOO_LONG) String> recommendations) implements CaseEvent {}
