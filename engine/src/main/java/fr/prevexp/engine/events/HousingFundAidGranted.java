package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Housing solidarity fund aid granted (<i>aide du FSL accordée</i>), as a grant or a loan. */
public record HousingFundAidGranted(String caseId, LocalDate occurredOn, RecordedBy recordedBy, @DecimalMax(value = Limits.AMOUNT_MAX, message = Limits.AMOUNT_TOO_LARGE) @DecimalMin(value = "0", inclusive = false, message = Money.POSITIVE) BigDecimal amount, AidForm form) implements CaseEvent {
    public HousingFundAidGranted {
        amount = Money.euros(amount);
    }

    /** subvention ou prêt */
    public enum AidForm { GRANT, LOAN }

    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of()
                .require(Money.isEuros(amount), "amount", Money.TWO_DECIMALS).list();
    }
}
