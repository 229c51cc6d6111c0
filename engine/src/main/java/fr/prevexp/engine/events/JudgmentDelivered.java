package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Judgment delivered (<i>jugement rendu</i>): termination of the lease, with or without payment delays, or claim rejected. */
public record JudgmentDelivered(String caseId, LocalDate occurredOn, RecordedBy recordedBy, Outcome outcome, Integer paymentDelayMonths, Integer gracePeriodMonths) implements CaseEvent {
    /** Outcome of the judgment (<i>dispositif</i>). */
    public enum Outcome {
        /** résiliation du bail (ou acquisition de la clause résolutoire) */
        TERMINATION,
        /** résiliation avec délais de paiement (décision conditionnelle, clause suspendue) */
        TERMINATION_WITH_PAYMENT_DELAYS,
        /** demande rejetée */
        REJECTED,
        /** radiation de l'affaire */
        STRUCK_OUT;

        /** Whether the judgment ends the lease, so that an order to leave may follow. */
        public boolean terminates() {
            return this == TERMINATION || this == TERMINATION_WITH_PAYMENT_DELAYS;
        }
    }

    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of()
                .require(outcome != null, "outcome", "obligatoire : TERMINATION, TERMINATION_WITH_PAYMENT_DELAYS, REJECTED ou STRUCK_OUT")
                .require(outcome != Outcome.TERMINATION_WITH_PAYMENT_DELAYS || paymentDelayMonths != null,
                        "paymentDelayMonths", "obligatoire avec TERMINATION_WITH_PAYMENT_DELAYS")
                .require(paymentDelayMonths == null || (paymentDelayMonths >= 1 && paymentDelayMonths <= 36),
                        "paymentDelayMonths", "doit être entre 1 et 36 mois")
                .require(paymentDelayMonths == null || outcome == Outcome.TERMINATION_WITH_PAYMENT_DELAYS,
                        "paymentDelayMonths", "seulement avec TERMINATION_WITH_PAYMENT_DELAYS")
                .require(gracePeriodMonths == null || (gracePeriodMonths >= 1 && gracePeriodMonths <= 36),
                        "gracePeriodMonths", "doit être entre 1 et 36 mois").list();
    }
}
