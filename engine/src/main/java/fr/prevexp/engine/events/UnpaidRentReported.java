package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Unpaid rent reported (<i>signalement d'impayé</i>): amount owed and months unpaid. */
public record UnpaidRentReported(String caseId, LocalDate occurredOn, RecordedBy recordedBy, BigDecimal amount, Integer monthsUnpaid) implements CaseEvent {
    public UnpaidRentReported {
        amount = Money.euros(amount);
    }

    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of()
                .require(Money.isEuros(amount), "amount", "must be euros with at most two decimals")
                .require(amount == null || amount.signum() >= 0, "amount", "must not be negative")
                .require(monthsUnpaid == null || monthsUnpaid >= 0, "monthsUnpaid", "must not be negative").list();
    }
}
