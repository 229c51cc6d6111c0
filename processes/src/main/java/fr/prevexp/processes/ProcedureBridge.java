package fr.prevexp.processes;

import fr.prevexp.engine.Trade;
import fr.prevexp.engine.events.CaseEvent;
import fr.prevexp.engine.events.CaseOpened;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The bridge from the dossier's event log to its procedure (one process instance per dossier,
 * business key = case id): {@code CaseOpened} starts it, every later act is correlated as the
 * message of its name with its dates and codes as variables. Idempotent: the sequence number of
 * the last event applied is kept in the instance, so an event delivered again changes nothing.
 */
@Component
public class ProcedureBridge {
    public static final String PROCESS = "ProcedureExpulsion";
    static final String LAST_SEQUENCE = "lastSequence";

    private final RuntimeService runtime;
    private final HistoryService history;
    private final DepartementSettings settings;

    public ProcedureBridge(RuntimeService runtime, HistoryService history, DepartementSettings settings) {
        this.runtime = runtime;
        this.history = history;
        this.settings = settings;
    }

    public void apply(CaseEvent event, long sequence) {
        if (event.recordedBy() != null && event.recordedBy().trade() == Trade.PROCEDURE) return; // the procedure's own acts
        String caseId = event.caseId();
        ProcessInstance instance = instance(caseId);
        if (event instanceof CaseOpened opened) {
            if (instance != null || ended(caseId)) return;
            Map<String, Object> variables = ProcedureVariables.start(opened, settings.of(opened.departement()));
            variables.put(LAST_SEQUENCE, sequence);
            runtime.createMessageCorrelation("CaseOpened").processInstanceBusinessKey(caseId).setVariables(variables).correlateStartMessage();
            return;
        }
        if (instance == null) {
            if (ended(caseId)) return; // the dossier's procedure is over (closed): nothing waits on this act
            throw new IllegalStateException("no procedure instance for dossier " + caseId + " at event " + sequence
                    + " (" + event.getClass().getSimpleName() + "): the bridge will retry");
        }
        Object last = runtime.getVariable(instance.getId(), LAST_SEQUENCE);
        if (last instanceof Number n && sequence <= n.longValue()) return;
        if (fr.prevexp.engine.ActType.of(event).bookkeeping()) {
            // Not the procedure's business (the erasure of personal data): applied, so that the procedure knows the
            // log is read up to here, but no variable and no message: it moves nothing.
            runtime.setVariable(instance.getId(), LAST_SEQUENCE, sequence);
            return;
        }
        Map<String, Object> variables = ProcedureVariables.of(event);
        variables.put(LAST_SEQUENCE, sequence);
        runtime.setVariables(instance.getId(), variables);
        runtime.createMessageCorrelation(event.getClass().getSimpleName()).processInstanceId(instance.getId()).correlateAllWithResult();
    }

    public ProcessInstance instance(String caseId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(caseId).active().singleResult();
    }

    private boolean ended(String caseId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(caseId)
                .finished().count() > 0;
    }
}
