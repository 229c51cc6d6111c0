package fr.prevexp.projections.indicators;

import fr.prevexp.engine.ActType;
import fr.prevexp.engine.CaseState;
import fr.prevexp.engine.events.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

    public IndicatorProjection(IndicatorFactRepository facts, IndicatorCaseRepository cases) {
        this.facts = facts;
        this.cases = cases;
    }

    @EventHandler
    @Transactional
    public void on(CaseEvent event, @SequenceNumber long sequence) {
        if (facts.existsById(new IndicatorFact.Key(event.caseId(), sequence))) return;
        IndicatorCase dossier = event instanceof CaseOpened o
                ? cases.save(new IndicatorCase(o.caseId(), o.territory(), o.parc(), o.debt()))
                : cases.findById(event.caseId()).orElseThrow(() -> new IllegalStateException("no CaseOpened for " + event.caseId()));
        String code = null;
        Boolean flag = null;
        java.math.BigDecimal amount = null;
        if (event instanceof JudgmentDelivered j) {
            code = j.outcome().name();
            flag = dossier.getTenantPresentAtHearing();
        } else if (event instanceof HearingHeld h) {
            dossier.tenantPresentAtHearing(h.tenantPresent());
        } else if (event instanceof NoticeToQuitServed) {
            dossier.noticeToQuitOn(event.occurredOn());
        } else if (event instanceof KeysReturned) {
            flag = dossier.getNoticeToQuitOn() != null;
        } else if (event instanceof EvictionCarriedOut e) {
            flag = e.withShelterSolution();
        } else if (event instanceof SupportMeasureStarted s) {
            code = s.kind().name();
        } else if (event instanceof CaseClosed c) {
            code = c.outcome().name();
        } else if (event instanceof DaloPriorityRecognised) {
            dossier.daloPriorityOn(event.occurredOn());
        } else if (event instanceof PoliceAssistanceRequested) {
            flag = dossier.getDaloPriorityOn() != null;
        } else if (event instanceof DeadlineElapsed d) {
            code = d.kind().name();
        } else if (event instanceof CcapexExamined) {
            amount = dossier.getDebt();
        } else if (event instanceof HouseholdRehoused) {
            flag = dossier.getDaloPriorityOn() != null;
        } else if (event instanceof CaseOpened o) {
            amount = o.debt();
        }
        dossier.debt(CaseState.debtAfter(dossier.getDebt(), event));
        cases.save(dossier);
        facts.save(new IndicatorFact(event.caseId(), sequence, ActType.of(event).typeName(), event.occurredOn(),
                dossier.getTerritory(), dossier.getParc(), code, flag, amount));
    }

    @ResetHandler
    @Transactional
    public void reset() {
        facts.deleteAllInBatch();
        cases.deleteAllInBatch();
    }
}
