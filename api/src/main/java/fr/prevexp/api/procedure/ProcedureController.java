package fr.prevexp.api.procedure;

import fr.prevexp.api.security.DossierAccess;
import fr.prevexp.api.security.Partner;
import fr.prevexp.processes.ProcedureBridge;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a dossier's procedure stands (<i>état de la procédure</i>) in the embedded engine: the
 * activities its process instance waits in, its timers with their due dates, and the BPMN model it
 * runs, for the dossier page's diagram. The same access as the dossier itself ({@link DossierAccess}).
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/procedure")
@Tag(name = "Dossiers")
public class ProcedureController {
    private final DossierAccess access;
    private final ProcedureBridge bridge;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final ManagementService management;

    public ProcedureController(DossierAccess access, ProcedureBridge bridge, RuntimeService runtime, HistoryService history,
                               RepositoryService repository, ManagementService management) {
        this.access = access;
        this.bridge = bridge;
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.management = management;
    }

    /** An activity the procedure waits in (<i>activité en attente</i>), with its name in the model. */
    public record Activity(String activityId, String name, String type) {
    }

    /** A timer of the procedure (<i>délai en cours</i>): the activity it belongs to and when it fires. */
    public record Timer(String activityId, String name, Instant dueAt) {
    }

    /** The procedure of a dossier: running, ended, or not started (no process instance yet). */
    public record Procedure(String caseId, String processDefinitionId, String state, String stateLabel,
                            List<Activity> waitingIn, List<Timer> timers) {
    }

    @GetMapping
    @Operation(summary = "État de la procédure du dossier",
            description = "The activities the dossier's process instance waits in and its timers (Camunda's runtime, business key = caseId).")
    public Procedure procedure(@PathVariable String caseId, Authentication auth) {
        access.open(Partner.of(auth), caseId);
        ProcessInstance instance = bridge.instance(caseId);
        if (instance == null) {
            HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processDefinitionKey(ProcedureBridge.PROCESS)
                    .processInstanceBusinessKey(caseId).orderByProcessInstanceStartTime().desc().list().stream().findFirst().orElse(null);
            return ended == null
                    ? new Procedure(caseId, latest().getId(), "NOT_STARTED", "procédure pas encore démarrée", List.of(), List.of())
                    : new Procedure(caseId, ended.getProcessDefinitionId(), "ENDED", "procédure terminée", List.of(), List.of());
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
        List<Activity> waiting = new ArrayList<>();
        for (String id : runtime.getActiveActivityIds(instance.getId())) {
            ModelElementInstance element = model.getModelElementById(id);
            waiting.add(new Activity(id, name(element), element == null ? null : element.getElementType().getTypeName()));
        }
        List<Timer> timers = new ArrayList<>();
        for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
            JobDefinition definition = job.getJobDefinitionId() == null ? null
                    : management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
            String activity = definition == null ? null : definition.getActivityId();
            timers.add(new Timer(activity, activity == null ? null : name(model.getModelElementById(activity)),
                    job.getDuedate() == null ? null : job.getDuedate().toInstant()));
        }
        timers.sort(Comparator.comparing(Timer::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Procedure(caseId, instance.getProcessDefinitionId(), "RUNNING", "procédure en cours", waiting, timers);
    }

    @GetMapping(value = "/diagram", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "Modèle BPMN de la procédure du dossier", description = "The BPMN 2.0 XML of the process definition the dossier runs.")
    public ResponseEntity<byte[]> diagram(@PathVariable String caseId, Authentication auth) throws IOException {
        Procedure procedure = procedure(caseId, auth);
        try (InputStream xml = repository.getProcessModel(procedure.processDefinitionId())) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.readAllBytes());
        }
    }

    private ProcessDefinition latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(ProcedureBridge.PROCESS).latestVersion().singleResult();
    }

    private static String name(ModelElementInstance element) {
        if (element instanceof FlowElement f && f.getName() != null) return f.getName();
        return element == null ? null : element.getAttributeValue("id");
    }
}
