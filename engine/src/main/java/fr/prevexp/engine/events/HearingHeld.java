package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Hearing held (<i>audience</i>), with the tenant present or represented or not. */
public record HearingHeld(String caseId, LocalDate occurredOn, RecordedBy recordedBy, Boolean tenantPresent) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of()
                .require(tenantPresent != null, "tenantPresent", "obligatoire (locataire présent ou représenté : true ou false)").list();
    }
}
