package fr.prevexp.engine.events;

import fr.prevexp.engine.ErasureGround;
import fr.prevexp.engine.RecordedBy;

import java.time.LocalDate;

/**
 * The dossier's personal data erased (<i>données personnelles effacées</i>): its key was deleted, so
 * every personal field of its events reads as erased from then on. It carries no personal data,
 * never moves the stage or the procedure, and may be recorded after the closure (the retention runs
 * from it). Recorded by the secretariat only, through {@code DELETE /api/v1/cases/{id}/personal-data}
 * or the retention job, never as an act.
 */
public record PersonalDataErased(String caseId, LocalDate occurredOn, RecordedBy recordedBy, ErasureGround ground) implements CaseEvent {
    @Override
    public java.util.List<FieldProblem> problems() {
        return FieldProblem.Check.of().require(ground != null, "ground", "obligatoire : " + java.util.Arrays.toString(ErasureGround.values())).list();
    }
}
