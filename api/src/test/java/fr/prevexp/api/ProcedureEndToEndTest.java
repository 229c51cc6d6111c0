package fr.prevexp.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dossier driven over REST from payment order to eviction with acts of 2023-2025 recorded on
 * 23 November 2026: the bridge correlates them, the due timers fire, and the case view shows every
 * deadline with its legal due date and the events the timers wrote. The job executor is off; the
 * test runs due jobs itself, as the executor would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:procedure-e2e;DB_CLOSE_DELAY=-1", "camunda.bpm.job-execution.enabled=false"})
class ProcedureEndToEndTest {
    static final Instant TODAY = Instant.parse("2026-11-23T09:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    ApiClient api;
    Clock previous;

    @BeforeEach
    void today() {
        api = new ApiClient(port);
        previous = GenericEventMessage.clock;
        GenericEventMessage.clock = Clock.fixed(TODAY, ZoneOffset.UTC);
        ClockUtil.setCurrentTime(Date.from(TODAY));
    }

    @AfterEach
    void back() {
        GenericEventMessage.clock = previous;
        ClockUtil.reset();
    }

    private void act(String caseId, String login, String body) {
        ApiClient.Answer answer = api.post(login, "/api/v1/cases/" + caseId + "/acts", body);
        assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(201);
        settle();
    }

    /** Waits until the procedure's tracking processor has seen the whole log, then runs due jobs, until both are quiet. */
    private void settle() {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            TrackingToken head = eventStore.createHeadToken();
            StreamingEventProcessor procedure = processing.eventProcessor("procedure", StreamingEventProcessor.class).orElseThrow();
            var status = procedure.processingStatus();   // empty until the (re)started processor has claimed its segment
            boolean caughtUp = !status.isEmpty() && status.values().stream()
                    .allMatch(s -> s.getTrackingToken() != null && s.getTrackingToken().covers(head));
            List<Job> due = management.createJobQuery().executable().orderByJobDuedate().asc().list();
            if (caughtUp && due.isEmpty()) return;
            if (!due.isEmpty()) management.executeJob(due.get(0).getId());
            else sleep();
        }
        throw new AssertionError("the procedure did not settle");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void fromPaymentOrderToEvictionWithBackDatedActs() {
        ApiClient.Answer opened = api.post("ccapex", "/api/v1/cases", """
                {"openedOn": "2023-10-02", "source": "COMMISSAIRE", "parc": "PRIVATE", "territory": "93066",
                 "leaseSignedOn": "2019-05-01", "landlord": {"kind": "PRIVATE_PERSON", "name": "M. Dupont"},
                 "partners": ["demo-commissaire"], "monthlyRent": "650.00", "monthlyCharges": "80.00", "debt": "3900.00"}""");
        assertThat(opened.status()).isEqualTo(201);
        String id = opened.text("caseId");
        settle();
        act(id, "commissaire", "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2023-11-02\", \"debtClaimed\": \"4200.00\"}");
        act(id, "commissaire", "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-01-03\", \"hearingOn\": \"2024-03-20\"}");
        act(id, "prefecture", "{\"type\": \"SocialDiagnosisRequested\", \"occurredOn\": \"2024-01-10\"}");
        act(id, "commissaire", "{\"type\": \"HearingHeld\", \"occurredOn\": \"2024-03-20\", \"tenantPresent\": false}");
        act(id, "commissaire", "{\"type\": \"JudgmentDelivered\", \"occurredOn\": \"2024-04-10\", \"outcome\": \"TERMINATION\", \"gracePeriodMonths\": 2}");
        act(id, "commissaire", "{\"type\": \"NoticeToQuitServed\", \"occurredOn\": \"2024-05-02\"}");
        act(id, "commissaire", "{\"type\": \"PoliceAssistanceRequested\", \"occurredOn\": \"2024-07-08\"}");
        act(id, "prefecture", "{\"type\": \"PoliceAssistanceGranted\", \"occurredOn\": \"2024-11-15\"}");
        act(id, "commissaire", "{\"type\": \"EvictionCarriedOut\", \"occurredOn\": \"2025-04-15\", \"withShelterSolution\": true}");

        JsonNode view = api.get("ccapex", "/api/v1/cases/" + id).body();
        assertThat(view.path("stage").asText()).isEqualTo("EVICTED");
        Map<String, String> due = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        for (JsonNode d : view.path("deadlines")) {
            due.put(d.path("kind").asText(), d.path("dueOn").asText());
            status.put(d.path("kind").asText(), d.path("status").asText());
        }
        assertThat(due).containsEntry("PAYMENT_ORDER_DELAY", "2024-01-02")        // lease of 2019: 2 months
                .containsEntry("PREFECT_NOTICE_BEFORE_HEARING", "2024-02-07")      // summons of 2024: 42 days before the hearing
                .containsEntry("SOCIAL_DIAGNOSIS_BEFORE_HEARING", "2024-03-19")    // the day before the hearing
                .containsEntry("SOCIAL_DIAGNOSIS_INTERVIEW", "2024-01-31")         // 15 working days
                .containsEntry("GRACE_PERIOD", "2024-06-10")
                .containsEntry("NOTICE_TO_QUIT_DELAY", "2024-07-02")
                .containsEntry("POLICE_ASSISTANCE_DECISION", "2024-09-08")
                .containsEntry("EARLIEST_EVICTION", "2025-04-01");                 // granted on 15 November, inside the truce that runs to 31 March
        assertThat(status).containsEntry("PAYMENT_ORDER_DELAY", "ELAPSED").containsEntry("PREFECT_NOTICE_BEFORE_HEARING", "MET")
                .containsEntry("SOCIAL_DIAGNOSIS_BEFORE_HEARING", "ELAPSED").containsEntry("NOTICE_TO_QUIT_DELAY", "ELAPSED")
                .containsEntry("POLICE_ASSISTANCE_DECISION", "ELAPSED").containsEntry("EARLIEST_EVICTION", "ELAPSED");
        assertThat(view.path("irregularities").findValuesAsText("code")).containsExactly("SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING");

        List<String> written = new ArrayList<>();
        for (JsonNode e : api.get("auditor", "/api/v1/cases/" + id + "/history").body().path("events")) {
            if (e.path("recordedBy").path("trade").asText().equals("PROCEDURE")) {
                written.add(e.path("type").asText() + " " + e.path("fields").path("kind").asText("") + " " + e.path("occurredOn").asText());
            }
        }
        assertThat(written).contains("DeadlineElapsed PAYMENT_ORDER_DELAY 2024-01-03", "PoliceAssistanceImplicitlyRefused  2024-09-09",
                "DeadlineElapsed EARLIEST_EVICTION 2025-04-01");
    }

    /**
     * A partner posts a back-dated history in one go: the bridge correlates acts faster than the
     * engine runs the steps they start. No act may be lost (the préfet's grant arrives before the
     * engine has opened the 2-month window it answers) and each check sees the acts before it.
     */
    @Test
    void aHistoryPostedInOneGoGivesTheSameDeadlinesAsActByAct() {
        ClockUtil.offset(TODAY.toEpochMilli() - System.currentTimeMillis());   // the engine's clock runs on from "today"
        String id = api.post("ccapex", "/api/v1/cases", ApiClient.opening("2024-01-10")).text("caseId");
        for (String act : List.of(
                "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\"}",
                "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-03-15\", \"hearingOn\": \"2024-06-20\"}",
                "{\"type\": \"HearingHeld\", \"occurredOn\": \"2024-06-20\", \"tenantPresent\": true}",
                "{\"type\": \"JudgmentDelivered\", \"occurredOn\": \"2024-07-04\", \"outcome\": \"TERMINATION\"}",
                "{\"type\": \"NoticeToQuitServed\", \"occurredOn\": \"2024-08-20\"}",
                "{\"type\": \"PoliceAssistanceRequested\", \"occurredOn\": \"2024-10-21\"}")) {
            ApiClient.Answer answer = api.post("commissaire", "/api/v1/cases/" + id + "/acts", act);
            assertThat(answer.status()).as(act + " -> " + answer.body()).isEqualTo(201);
        }
        ApiClient.Answer granted = api.post("prefecture", "/api/v1/cases/" + id + "/acts",
                "{\"type\": \"PoliceAssistanceGranted\", \"occurredOn\": \"2024-10-25\"}");
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
        settle();

        JsonNode view = api.get("ccapex", "/api/v1/cases/" + id).body();
        Map<String, String> due = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        for (JsonNode d : view.path("deadlines")) {
            due.put(d.path("kind").asText(), d.path("dueOn").asText());
            status.put(d.path("kind").asText(), d.path("status").asText());
        }
        assertThat(due).containsEntry("PAYMENT_ORDER_DELAY", "2024-04-01").containsEntry("NOTICE_TO_QUIT_DELAY", "2024-10-20")
                .containsEntry("POLICE_ASSISTANCE_DECISION", "2024-12-21")
                .containsEntry("EARLIEST_EVICTION", "2024-10-25");
        assertThat(status).as("granted within the préfet's window").containsEntry("POLICE_ASSISTANCE_DECISION", "MET");
        assertThat(view.path("irregularities").findValuesAsText("code")).contains("SUMMONS_BEFORE_PAYMENT_ORDER_DELAY");
        List<String> written = new ArrayList<>();
        for (JsonNode e : api.get("auditor", "/api/v1/cases/" + id + "/history").body().path("events")) {
            written.add(e.path("type").asText());
        }
        assertThat(written).doesNotContain("PoliceAssistanceImplicitlyRefused");
    }

    @Test
    void anActStoredWhileTheBridgeIsDownIsCaughtUpFromTheLog() {
        String id = api.post("ccapex", "/api/v1/cases", ApiClient.opening("2024-01-10")).text("caseId");
        settle();
        StreamingEventProcessor procedure = processing.eventProcessor("procedure", StreamingEventProcessor.class).orElseThrow();
        procedure.shutDown();   // as if the node died after storing the next event and before the engine saw it
        assertThat(api.post("commissaire", "/api/v1/cases/" + id + "/acts",
                "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\"}").status()).isEqualTo(201);
        assertThat(deadlineKinds(id)).doesNotContain("PAYMENT_ORDER_DELAY");
        procedure.start();      // the processor resumes from its stored token
        settle();
        assertThat(deadlineKinds(id)).contains("PAYMENT_ORDER_DELAY");
    }

    private List<String> deadlineKinds(String caseId) {
        return api.get("ccapex", "/api/v1/cases/" + caseId).body().path("deadlines").findValuesAsText("kind");
    }

    @Test
    void cockpitAndTheEngineRestApiAreBehindAuthentication() {
        assertThat(api.get(null, "/engine-rest/process-definition").status()).isEqualTo(401);
        ApiClient.Answer definitions = api.get("ccapex", "/engine-rest/process-definition?key=ProcedureExpulsion");
        assertThat(definitions.status()).isEqualTo(200);
        assertThat(definitions.body().get(0).path("name").asText()).isEqualTo("Procédure d'expulsion locative");
        assertThat(api.get("commissaire", "/engine-rest/process-definition").status()).as("partners are not Camunda users").isEqualTo(401);
    }
}
