package fr.prevexp.engine.events;

import fr.prevexp.engine.Parties;
import fr.prevexp.engine.RecordedBy;

import java.time.LocalDate;
import java.util.List;

/**
 * A partner designated by the secretariat (<i>désignation d'un partenaire</i>): the organisation
 * becomes party to the dossier (reads it, records the acts of its trade on it). Recorded by the
 * CCAPEX secretariat only, at any stage before closure. See {@link Parties}.
 */
public record PartnerDesignated(String caseId, LocalDate occurredOn, RecordedBy recordedBy, String organisation) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return Parties.organisationProblems("organisation", organisation == null ? null : List.of(organisation), true);
    }
}
