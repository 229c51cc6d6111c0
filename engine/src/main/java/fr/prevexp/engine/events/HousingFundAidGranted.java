package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Housing solidarity fund aid granted (<i>aide du FSL accordée</i>), as a grant or a loan. */
public record HousingFundAidGranted(String caseId, LocalDate occurredOn, RecordedBy recordedBy, BigDecimal amount, AidForm form) implements CaseEvent {
    public HousingFundAidGranted {
        amount = Money.euros(amount);
    }

    /** subvention ou prêt */
    public enum AidForm { GRANT, LOAN }

    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of()
                .require(Money.isEuros(amount), "amount", "must be euros with at most two decimals")
                .require(amount == null || amount.signum() > 0, "amount", "must be positive").list();
    }
}
