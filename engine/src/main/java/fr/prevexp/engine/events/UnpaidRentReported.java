package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.DecimalMax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Unpaid rent reported (<i>signalement d'impayé</i>): amount owed and months unpaid. */
public record UnpaidRentReported(String caseId, LocalDate occurredOn, RecordedBy recordedBy, @DecimalMax(value = Limits.AMOUNT_MAX, message = Limits.AMOUNT_TOO_LARGE)
                                 @DecimalMin(value = "0", message = Money.NOT_NEGATIVE) BigDecimal amount,
                                 @Min(value = 0, message = Limits.MONTHS_AT_LEAST) @Max(value = Limits.MONTHS_UNPAID_MAX, message = Limits.MONTHS_AT_MOST) Integer monthsUnpaid) implements CaseEvent {
    public UnpaidRentReported {
        amount = Money.euros(amount);
    }

    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of()
                .require(Money.isEuros(amount), "amount", Money.TWO_DECIMALS)
                .list();
    }
}
