package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Payment order served (<i>commandement de payer signifié</i>, CDP). Starts the payment-order delay. */
public record PaymentOrderServed(String caseId, LocalDate occurredOn, RecordedBy recordedBy, BigDecimal debtClaimed) implements CaseEvent {
    public PaymentOrderServed {
        debtClaimed = Money.euros(debtClaimed);
    }

    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of()
                .require(Money.isEuros(debtClaimed), "debtClaimed", "must be euros with at most two decimals")
                .require(debtClaimed == null || debtClaimed.signum() >= 0, "debtClaimed", "must not be negative").list();
    }
}
