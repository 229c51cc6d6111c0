package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.DecimalMax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Repayment plan signed (<i>plan d'apurement signé</i>). */
public record RepaymentPlanAgreed(String caseId, LocalDate occurredOn, RecordedBy recordedBy, @DecimalMax(value = Limits.AMOUNT_MAX, message = Limits.AMOUNT_TOO_LARGE)
                                  @DecimalMin(value = "0", inclusive = false, message = Money.POSITIVE) BigDecimal monthlyAmount,
                                  @Min(value = 1, message = Limits.MONTHS_AT_LEAST) @Max(value = Limits.REPAYMENT_MONTHS_MAX, message = Limits.MONTHS_AT_MOST) Integer durationMonths) implements CaseEvent {
    public RepaymentPlanAgreed {
        monthlyAmount = Money.euros(monthlyAmount);
    }

    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of()
                .require(Money.isEuros(monthlyAmount), "monthlyAmount", Money.TWO_DECIMALS)
                .list();
    }
}
