package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Eviction carried out with police assistance (<i>expulsion réalisée</i>), with or without a shelter solution. */
public record EvictionCarriedOut(String caseId, LocalDate occurredOn, RecordedBy recordedBy, Boolean withShelterSolution) implements CaseEvent {}
