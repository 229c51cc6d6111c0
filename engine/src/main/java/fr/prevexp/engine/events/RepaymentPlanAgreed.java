package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Repayment plan signed (<i>plan d'apurement signé</i>). */
public record RepaymentPlanAgreed(String caseId, LocalDate occurredOn, RecordedBy recordedBy, BigDecimal monthlyAmount, Integer durationMonths) implements CaseEvent {
    public RepaymentPlanAgreed {
        monthlyAmount = Money.euros(monthlyAmount);
    }

    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of()
                .require(Money.isEuros(monthlyAmount), "monthlyAmount", "must be euros with at most two decimals")
                .require(monthlyAmount == null || monthlyAmount.signum() > 0, "monthlyAmount", "must be positive")
                .require(durationMonths == null || durationMonths > 0, "durationMonths", "must be positive").list();
    }
}
