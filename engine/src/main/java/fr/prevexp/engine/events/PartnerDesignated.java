package fr.prevexp.engine.events;

import jakarta.validation.constraints.Size;
import fr.prevexp.engine.Limits;

import fr.prevexp.engine.Parties;
import fr.prevexp.engine.RecordedBy;

import java.time.LocalDate;
import java.util.List;

/**
 * A partner designated by the secretariat (<i>désignation d'un partenaire</i>): the organisation
 * becomes party to the dossier (reads it, records the acts of its trade on it). Recorded by the
 * CCAPEX secretariat only, at any stage before closure. See {@link Parties}.
 */
public record PartnerDesignated(String caseId, LocalDate occurredOn, RecordedBy recordedBy,
                                @Size(max = Limits.ORGANISATION, message = Limits.TOO_LONG) String organisation) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return Parties.organisationProblems("organisation", organisation == null ? null : List.of(organisation), true);
    }
}
