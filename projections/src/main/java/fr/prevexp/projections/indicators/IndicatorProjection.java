package fr.prevexp.projections.indicators;

import fr.prevexp.engine.ActType;
import fr.prevexp.engine.CaseState;
import fr.prevexp.engine.events.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Folds the event log into the indicators' facts (tracking processor {@value #GROUP}): one row per
 * act, with the dossier's territory and parc and what the indicators read of the act. Nothing else
 * writes these tables; a replay rebuilds them identically.
 */
@Component
@ProcessingGroup(IndicatorProjection.GROUP)
public class IndicatorProjection {
    public static final String GROUP = "indicators";

    private final IndicatorFactRepository facts;
    private final IndicatorCaseRepository cases;
    private final IndicatorYearRepository years;

    public IndicatorProjection(IndicatorFactRepository facts, IndicatorCaseRepository cases, IndicatorYearRepository years) {
        this.facts = facts;
        this.cases = cases;
        this.years = years;
    }

    /** The acts whose flag depends on another act of the dossier, and the acts they depend on. */
    private static final Set<String> RELATED = Set.of("HearingHeld", "JudgmentDelivered", "NoticeToQuitServed", "KeysReturned",
            "DaloPriorityRecognised", "PoliceAssistanceRequested", "HouseholdRehoused");

    @EventHandler
    // Its own transaction: a failure undoes this event only, and the processor parks the dossier in the dead-letter
    // queue in its transaction (with the token); a re-delivered event changes nothing.
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CaseEvent event, @SequenceNumber long sequence) {
        if (facts.existsById(new IndicatorFact.Key(event.caseId(), sequence))) return;
        IndicatorCase dossier = event instanceof CaseOpened o
                ? cases.save(new IndicatorCase(o.caseId(), o.territory(), o.parc(), o.debt()))
                : cases.findById(event.caseId()).orElseThrow(() -> new IllegalStateException("no CaseOpened for " + event.caseId()));
        String code = null;
        Boolean flag = null;
        BigDecimal amount = null;
        if (event instanceof JudgmentDelivered j) {
            code = j.outcome().name();
        } else if (event instanceof HearingHeld h) {
            flag = h.tenantPresent();
        } else if (event instanceof EvictionCarriedOut e) {
            flag = e.withShelterSolution();
        } else if (event instanceof SupportMeasureStarted s) {
            code = s.kind().name();
        } else if (event instanceof CaseClosed c) {
            code = c.outcome().name();
        } else if (event instanceof DeadlineElapsed d) {
            code = d.kind().name();
        } else if (event instanceof ImplicitRefusalWithdrawn w) {
            // The refusal stays a fact of the log, but no longer counts: its flag says it was withdrawn.
            facts.findByCaseIdAndTypeIn(w.caseId(), Set.of("PoliceAssistanceImplicitlyRefused")).stream()
                    .filter(r -> r.getOccurredOn().equals(w.refusedOn()) && !Boolean.FALSE.equals(r.getFlag()))
                    .forEach(r -> {
                        r.flag(false);
                        facts.save(r);
                    });
        } else if (event instanceof CcapexExamined) {
            amount = dossier.getDebt();   // until debtAtExaminations() places it by legal date
        } else if (!(event instanceof CaseOpened) && CaseState.debtAfter(null, event) != null) {
            amount = CaseState.debtAfter(null, event);   // the debt an unpaid-rent report or a payment order states
        } else if (event instanceof CaseOpened o) {
            amount = o.debt();
        }
        dossier.debt(CaseState.debtAfter(dossier.getDebt(), event));
        cases.save(dossier);
        ActType act = ActType.of(event);
        String type = act.typeName();
        IndicatorFact fact = facts.save(new IndicatorFact(event.caseId(), sequence, type, event.occurredOn(),
                dossier.getTerritory(), dossier.getParc(), code, flag, amount));
        if (RELATED.contains(type)) relate(event.caseId(), fact);
        if (DEBT.contains(type)) debtAtExaminations(event.caseId(), fact);
        if (!act.bookkeeping()) {   // the procedure's own bookkeeping: facts kept, but they make no year of activity
            IndicatorYear year = years.findById(event.occurredOn().getYear()).orElseGet(() -> new IndicatorYear(event.occurredOn().getYear()));
            year.count();
            years.save(year);
        }
    }

    /**
     * Sets the flags that compare an act with the dossier's other acts by their legal dates, whatever
     * order partners recorded them in (a hearing reported after its judgment, a DALO recognition
     * recorded late): a judgment is contradictory when the latest hearing on or before its date had
     * the tenant present or represented; keys returned count as a departure after an order to leave
     * when one was served on or before; a police request or a rehousing is a DALO household's when
     * the priority was recognised on or before it. Replaying the log gives the same flags.
     */
    private void relate(String caseId, IndicatorFact arrived) {
        List<IndicatorFact> timeline = facts.findByCaseIdAndTypeIn(caseId, RELATED).stream()
                .sorted(Comparator.comparing(IndicatorFact::getOccurredOn).thenComparingLong(IndicatorFact::getSequence)).toList();
        if (timeline.stream().noneMatch(f -> f.getSequence() == arrived.getSequence())) {
            timeline = new java.util.ArrayList<>(timeline);
            timeline.add(arrived);
            timeline.sort(Comparator.comparing(IndicatorFact::getOccurredOn).thenComparingLong(IndicatorFact::getSequence));
        }
        for (IndicatorFact f : timeline) {
            Boolean flag = switch (f.getType()) {
                case "JudgmentDelivered" -> timeline.stream()
                        .filter(h -> h.is("HearingHeld") && !h.getOccurredOn().isAfter(f.getOccurredOn()))
                        .reduce((first, second) -> second).map(IndicatorFact::getFlag).orElse(null);
                case "KeysReturned" -> before(timeline, "NoticeToQuitServed", f);
                case "PoliceAssistanceRequested", "HouseholdRehoused" -> before(timeline, "DaloPriorityRecognised", f);
                default -> f.getFlag();
            };
            if (!Objects.equals(flag, f.getFlag())) {
                f.flag(flag);
                facts.save(f);
            }
        }
    }

    /** The acts that state the dossier's debt, and the examinations that keep the debt of their date. */
    private static final Set<String> DEBT = Set.of("CaseOpened", "UnpaidRentReported", "PaymentOrderServed", "CcapexExamined");

    /**
     * Sets each CCAPEX examination's amount to the dossier's debt on its legal date: the amount of the
     * latest act dated on or before it that states one (same date: recorded last), else the opening
     * debt, whatever order partners recorded them in (the same rule as the case view's debt,
     * {@code CaseState.debt()}). A report of an older amount recorded after the examination, or one
     * dated after it, changes nothing; one dated before it and recorded late does.
     */
    private void debtAtExaminations(String caseId, IndicatorFact arrived) {
        List<IndicatorFact> timeline = new java.util.ArrayList<>(facts.findByCaseIdAndTypeIn(caseId, DEBT));
        if (timeline.stream().noneMatch(f -> f.getSequence() == arrived.getSequence())) timeline.add(arrived);
        timeline.sort(Comparator.comparing(IndicatorFact::getOccurredOn).thenComparingLong(IndicatorFact::getSequence));
        BigDecimal opening = timeline.stream().filter(f -> f.is("CaseOpened")).map(IndicatorFact::getAmount).findFirst().orElse(null);
        BigDecimal debt = opening;
        for (IndicatorFact f : timeline) {
            if (f.is("CcapexExamined")) {
                if (!Objects.equals(debt, f.getAmount()) && debt != null) {
                    f.amount(debt);
                    facts.save(f);
                }
            } else if (!f.is("CaseOpened") && f.getAmount() != null) {
                debt = f.getAmount();
            }
        }
    }

    private static boolean before(List<IndicatorFact> timeline, String type, IndicatorFact act) {
        return timeline.stream().anyMatch(t -> t.is(type) && !t.getOccurredOn().isAfter(act.getOccurredOn()));
    }

    @ResetHandler
    @Transactional
    public void reset() {
        facts.deleteAllInBatch();
        cases.deleteAllInBatch();
        years.deleteAllInBatch();
    }
}
