package fr.prevexp.engine.command;

import fr.prevexp.engine.events.CaseOpened;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open a dossier (<i>ouvrir un dossier</i>). With an idempotency key, sending it again with the same
 * fingerprint (a digest of the request) returns the first answer and records nothing new.
 */
public record OpenCase(@TargetAggregateIdentifier String caseId, CaseOpened opened, String idempotencyKey, String fingerprint) {
    public OpenCase(CaseOpened opened) {
        this(opened.caseId(), opened, null, null);
    }
}
