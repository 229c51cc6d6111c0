package fr.prevexp.engine.command;

import fr.prevexp.engine.events.CaseEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record an act of the procedure on a dossier (<i>enregistrer un acte</i>): the one command every
 * act of the vocabulary goes through ({@code RecordAct} of a {@code PaymentOrderServed} records the
 * payment order). The dossier checks that the procedure allows the act at its stage, records it,
 * and flags what it reveals as irregular. Timer-driven commands carry a deterministic idempotency
 * key, so a timer that fires twice records once.
 */
public record RecordAct(@TargetAggregateIdentifier String caseId, CaseEvent act, String idempotencyKey, String fingerprint) {
    public RecordAct(CaseEvent act) {
        this(act.caseId(), act, null, null);
    }

    public RecordAct(CaseEvent act, String idempotencyKey) {
        this(act.caseId(), act, idempotencyKey, idempotencyKey);
    }
}
