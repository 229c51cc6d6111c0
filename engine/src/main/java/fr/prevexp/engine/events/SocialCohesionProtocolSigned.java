package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Social cohesion protocol signed (<i>protocole de cohésion sociale</i>, social housing after termination): 2 years, extendable by 3. */
public record SocialCohesionProtocolSigned(String caseId, LocalDate occurredOn, RecordedBy recordedBy,
                                           @Min(value = 1, message = Limits.MONTHS_AT_LEAST) @Max(value = Limits.SOCIAL_COHESION_MONTHS_MAX, message = Limits.MONTHS_AT_MOST) Integer durationMonths) implements CaseEvent {}
