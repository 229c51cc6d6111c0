package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.DecimalMax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Unpaid rent reported (<i>signalement d'impayé</i>): amount owed and months unpaid. */
public record UnpaidRentReported(String caseId, LocalDate occurredOn, RecordedBy recordedBy, @DecimalMax(value = Limits.AMOUNT_MAX, message = Limits.AMOUNT_TOO_LARGE) BigDecimal amount, Integer monthsUnpaid) implements CaseEvent {
    public UnpaidRentReported {
        amount = Money.euros(amount);
    }

    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of()
                .require(Money.isEuros(amount), "amount", Money.TWO_DECIMALS)
                .require(amount == null || amount.signum() >= 0, "amount", Money.NOT_NEGATIVE)
                .require(monthsUnpaid == null || (monthsUnpaid >= 0 && monthsUnpaid <= Limits.MONTHS_UNPAID_MAX), "monthsUnpaid",
                        "doit être entre 0 et " + Limits.MONTHS_UNPAID_MAX + " mois").list();
    }
}
