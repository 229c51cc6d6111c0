package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Referral to the CCAPEX (<i>saisine de la CCAPEX</i>): who refers and why. A referral by a landlord that is a legal entity opens the 2-month delay before any summons. */
public record CcapexReferralReceived(String caseId, LocalDate occurredOn, RecordedBy recordedBy, @PersonalData(PersonalData.Kind.THIRD_PARTY) @Size(max = Limits.NAME, message = Limits.TOO_LONG) String referredBy, @PersonalData(PersonalData.Kind.FREE_TEXT) @Size(max = Limits.TEXT, message = Limits.TOO_LONG) String reason) implements CaseEvent {}
