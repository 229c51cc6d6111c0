package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.time.LocalDate;
import java.util.List;

/**
 * The hearing postponed to a new date (<i>renvoi de l'audience</i>), decided on {@code occurredOn}:
 * the deadlines counted from the hearing (the DSF due the day before it, the notification of the
 * summons to the préfet before it) are recomputed from {@code hearingOn}.
 */
public record HearingPostponed(String caseId, LocalDate occurredOn, RecordedBy recordedBy, LocalDate hearingOn) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(hearingOn != null, "hearingOn", "obligatoire (nouvelle date d'audience)")
                .require(hearingOn == null || occurredOn == null || hearingOn.isAfter(occurredOn), "hearingOn",
                        "doit être postérieure à la décision de renvoi")
                .require(hearingOn == null || occurredOn == null || !hearingOn.isAfter(occurredOn.plusYears(Limits.HEARING_YEARS_AFTER_SUMMONS)),
                        "hearingOn", "doit être au plus " + Limits.HEARING_YEARS_AFTER_SUMMONS + " ans après le renvoi").list();
    }
}
