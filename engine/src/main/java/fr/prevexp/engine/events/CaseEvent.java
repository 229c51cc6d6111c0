package fr.prevexp.engine.events;

import fr.prevexp.engine.RecordedBy;

import java.time.LocalDate;
import java.util.List;

/**
 * A fact of a dossier's life (<i>acte ou événement du dossier</i>), as stored in its event stream.
 * Every event carries the dossier id, the legal date of the act in the real world
 * ({@code occurredOn}) and who recorded it; the instant it was recorded is the event message's
 * timestamp.
 */
public interface CaseEvent {
    String caseId();

    /** Legal date of the act (<i>date de l'acte</i>). */
    LocalDate occurredOn();

    RecordedBy recordedBy();

    /** Field problems of this act's own fields, beyond the common ones; empty when valid. */
    default List<FieldProblem> problems() {
        return List.of();
    }
}
