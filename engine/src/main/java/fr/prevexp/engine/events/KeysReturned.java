package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Keys returned (<i>remise des clés, départ volontaire</i>): the household left without police. */
public record KeysReturned(String caseId, LocalDate occurredOn, RecordedBy recordedBy) implements CaseEvent {}
