package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Police assistance implicitly refused (<i>refus implicite du concours de la force publique</i>): the préfet's window ran out without a decision. Recorded by the procedure. */
public record PoliceAssistanceImplicitlyRefused(String caseId, LocalDate occurredOn, RecordedBy recordedBy) implements CaseEvent {}
