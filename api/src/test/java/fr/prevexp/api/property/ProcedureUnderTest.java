package fr.prevexp.api.property;

import com.fasterxml.jackson.databind.JsonNode;
import fr.prevexp.api.ApiClient;
import fr.prevexp.api.PrevexpApplication;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real application (REST API, dossier aggregate, Axon event store and tracking processors,
 * Camunda with the BPMN and DMN, read models) in this JVM, with one clock the test moves: the
 * application's {@link Clock} bean (which Axon and the dossier read) and Camunda's {@link ClockUtil}
 * show the same instant. The job executor is off: {@link #settle} runs the dossier's due jobs itself,
 * in due-date order, as the executor would, while the tracking processors run on their own threads.
 */
final class ProcedureUnderTest implements AutoCloseable {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final List<String> PROCESSORS = List.of("cases", "procedure", "indicators", "deadlines");

    /** The application's clock, moved by the test. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-23T09:00:00Z");

        @Override
        public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override
        public Clock withZone(ZoneId zone) { return Clock.fixed(now, zone); }

        @Override
        public Instant instant() { return now; }
    }

    private final MovableClock clock = new MovableClock();
    private final Clock previousAxonClock = GenericEventMessage.clock;
    private final ConfigurableApplicationContext app;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    final ApiClient api;

    ProcedureUnderTest() {
        at(clock.now);
        app = new SpringApplicationBuilder(PrevexpApplication.class)
                // the one clock: registered before the configuration classes, so the application's default (system UTC) steps aside
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:order-independence;DB_CLOSE_DELAY=-1",
                        "--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.process-engine-name=order-independence",
                        "--logging.level.fr.prevexp.processes=WARN", "--spring.main.banner-mode=off");
        management = app.getBean(ManagementService.class);
        runtime = app.getBean(RuntimeService.class);
        history = app.getBean(HistoryService.class);
        eventStore = app.getBean(EventStore.class);
        processing = app.getBean(EventProcessingConfiguration.class);
        api = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        if (GenericEventMessage.clock != clock) throw new IllegalStateException("the application does not read the test's clock");
    }

    /** Moves the one clock (the dossier's "today", Axon's timestamps, Camunda's due dates) to this day, 10:00 in Paris. */
    void day(LocalDate day) {
        at(day.atTime(LocalTime.of(10, 0)).atZone(PARIS).toInstant());
    }

    void at(Instant instant) {
        clock.now = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    Instant now() {
        return clock.now;
    }

    /** Posts an act; the answer (201, or the 409 of an act the procedure does not allow at its date). */
    ApiClient.Answer post(String caseId, ProcedureHistory.Act act) {
        return api.post(act.login(), act.login(), "/api/v1/cases/" + caseId + "/acts", act.body(), null);
    }

    String open(String body) {
        ApiClient.Answer opened = api.post("ccapex", "/api/v1/cases", body);
        if (opened.status() != 201) throw new AssertionError("opening refused: " + opened.status() + " " + opened.body());
        return opened.text("caseId");
    }

    /**
     * Runs the dossier's jobs that are due now, once each, without waiting for the processors (the job
     * executor taking what it finds while partners are still posting).
     */
    void runDueJobs(String caseId) {
        for (Job job : dueJobs(caseId)) execute(job);
    }

    /**
     * Waits until the procedure is quiet for this dossier: every tracking processor has handled the
     * event log up to its head, and no job of the dossier's process instance is due (running the due
     * ones, earliest first, as the job executor would). Polls; no fixed sleep decides anything.
     */
    void settle(String caseId) {
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(until)) {
            boolean caughtUp = processorsCaughtUp();   // before the jobs: the bridge commits an act's job with its token
            List<Job> due = dueJobs(caseId);
            if (due.isEmpty()) {
                if (caughtUp) return;
                pause();
            } else {
                execute(due.get(0));
            }
        }
        throw new AssertionError("the procedure of " + caseId + " did not settle in 120 s: processors " + positions()
                + ", due jobs " + dueJobs(caseId).stream().map(j -> j.getId() + "@" + j.getDuedate()).toList());
    }

    private void execute(Job job) {
        try {
            management.executeJob(job.getId());
        } catch (OptimisticLockingException concurrent) {
            // the bridge moved the instance meanwhile: the job is run again, as the job executor would
        } catch (RuntimeException failed) {
            // a failing step: Camunda decrements its retries (then an incident), which the checks report
        }
    }

    private List<Job> dueJobs(String caseId) {
        List<Job> due = new ArrayList<>();
        for (String instance : instances(caseId)) {
            due.addAll(management.createJobQuery().processInstanceId(instance).executable().orderByJobDuedate().asc().list());
        }
        due.sort(java.util.Comparator.comparing(Job::getDuedate, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return due;
    }

    private List<String> instances(String caseId) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(HistoricProcessInstance::getId).toList();
    }

    /** What the procedure left failing for this dossier: incidents (a step out of retries), empty when none. */
    List<String> incidents(String caseId) {
        List<String> found = new ArrayList<>();
        for (String instance : instances(caseId)) {
            for (Incident i : runtime.createIncidentQuery().processInstanceId(instance).list()) {
                found.add(i.getActivityId() + ": " + i.getIncidentMessage());
            }
        }
        return found;
    }

    private boolean processorsCaughtUp() {
        long head = eventStore.createHeadToken().position().orElse(-1);
        for (String name : PROCESSORS) {
            StreamingEventProcessor p = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
            var status = p.processingStatus();
            // by position, not covers(): a write rolled back leaves a gap in the global index that a token keeps
            if (status.isEmpty() || !status.values().stream().allMatch(s -> s.getTrackingToken() != null
                    && s.getTrackingToken().position().orElse(-1) >= head)) return false;
        }
        return true;
    }

    private Map<String, Object> positions() {
        Map<String, Object> positions = new TreeMap<>();
        positions.put("head", eventStore.createHeadToken().position().orElse(-1));
        for (EventProcessor p : processing.eventProcessors().values()) {
            if (p instanceof StreamingEventProcessor s) positions.put(p.getName(), s.processingStatus().values().stream()
                    .map(st -> st.getTrackingToken() == null ? -1 : st.getTrackingToken().position().orElse(-1)).toList());
        }
        return positions;
    }

    private static void pause() {
        try {
            Thread.sleep(10);   // polling the processors' positions, never a wait that decides a result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode get(String path) {
        ApiClient.Answer answer = api.get("ccapex", path);
        if (answer.status() != 200) throw new AssertionError(path + " -> " + answer.status() + " " + answer.body());
        return answer.body();
    }

    @Override
    public void close() {
        app.close();
        GenericEventMessage.clock = previousAxonClock;
        ClockUtil.reset();
    }
}
