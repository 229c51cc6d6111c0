package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Judgment delivered (<i>jugement rendu</i>): termination of the lease, with or without payment delays, or claim rejected. */
public record JudgmentDelivered(String caseId, LocalDate occurredOn, RecordedBy recordedBy, Outcome outcome,
                                @Min(value = 1, message = Limits.MONTHS_AT_LEAST) @Max(value = Limits.JUDGMENT_DELAY_MONTHS_MAX, message = Limits.MONTHS_AT_MOST) Integer paymentDelayMonths,
                                @Min(value = 1, message = Limits.MONTHS_AT_LEAST) @Max(value = Limits.JUDGMENT_DELAY_MONTHS_MAX, message = Limits.MONTHS_AT_MOST) Integer gracePeriodMonths) implements CaseEvent {
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
                .require(paymentDelayMonths == null || outcome == Outcome.TERMINATION_WITH_PAYMENT_DELAYS,
                        "paymentDelayMonths", "seulement avec TERMINATION_WITH_PAYMENT_DELAYS").list();
    }
}
