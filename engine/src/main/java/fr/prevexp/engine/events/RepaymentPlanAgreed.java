package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.DecimalMax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Repayment plan signed (<i>plan d'apurement signé</i>). */
public record RepaymentPlanAgreed(String caseId, LocalDate occurredOn, RecordedBy recordedBy, @DecimalMax(value = Limits.AMOUNT_MAX, message = Limits.AMOUNT_TOO_LARGE) BigDecimal monthlyAmount, Integer durationMonths) implements CaseEvent {
    public RepaymentPlanAgreed {
        monthlyAmount = Money.euros(monthlyAmount);
    }

    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of()
                .require(Money.isEuros(monthlyAmount), "monthlyAmount", Money.TWO_DECIMALS)
                .require(monthlyAmount == null || monthlyAmount.signum() > 0, "monthlyAmount", Money.POSITIVE)
                .require(durationMonths == null || (durationMonths >= 1 && durationMonths <= Limits.REPAYMENT_MONTHS_MAX), "durationMonths",
                        "doit être entre 1 et " + Limits.REPAYMENT_MONTHS_MAX + " mois").list();
    }
}
