package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Social cohesion protocol signed (<i>protocole de cohésion sociale</i>, social housing after termination). */
public record SocialCohesionProtocolSigned(String caseId, LocalDate occurredOn, RecordedBy recordedBy, Integer durationMonths) implements CaseEvent {
    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of()
                .require(durationMonths == null || (durationMonths >= 1 && durationMonths <= 60), "durationMonths",
                        "doit être entre 1 et 60 mois (2 ans, prolongeable de 3 ans)").list();
    }
}
