package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Payment order served (<i>commandement de payer signifié</i>, CDP). Starts the payment-order delay. */
public record PaymentOrderServed(String caseId, LocalDate occurredOn, RecordedBy recordedBy, @DecimalMax(value = Limits.AMOUNT_MAX, message = Limits.AMOUNT_TOO_LARGE) @DecimalMin(value = "0", message = Money.NOT_NEGATIVE) BigDecimal debtClaimed) implements CaseEvent {
    public PaymentOrderServed {
        debtClaimed = Money.euros(debtClaimed);
    }

    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of()
                .require(Money.isEuros(debtClaimed), "debtClaimed", Money.TWO_DECIMALS).list();
    }
}
