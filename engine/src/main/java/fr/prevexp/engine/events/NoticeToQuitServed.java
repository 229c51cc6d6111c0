package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Order to leave the premises served (<i>commandement de quitter les lieux</i>, CQL). */
public record NoticeToQuitServed(String caseId, LocalDate occurredOn, RecordedBy recordedBy) implements CaseEvent {}
