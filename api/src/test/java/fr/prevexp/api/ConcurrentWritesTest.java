package fr.prevexp.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many partners write to one dossier at the same moment as its procedure: back-dated acts make the
 * procedure's timers due at once, so the job executor records deadlines on the dossier while the
 * writers record theirs. Ordinary concurrency is settled by the server: no 5xx, every act answered
 * 201 is in the dossier once, and the procedure ends with no incident.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:concurrent-writes;DB_CLOSE_DELAY=-1")
class ConcurrentWritesTest {
    private static final int WRITERS = 12;
    private static final int ACTS_PER_WRITER = 8;

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Test
    void manyWritersOnOneDossierWhileItsTimersFireGetNo5xx() throws Exception {
        ApiClient api = new ApiClient(port);
        ApiClient.Answer opened = api.post("ccapex", "/api/v1/cases", ApiClient.opening("2023-01-10"));
        assertThat(opened.status()).isEqualTo(201);
        String caseId = opened.text("caseId");
        String acts = "/api/v1/cases/" + caseId + "/acts";

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Integer> statusByKey = new ConcurrentHashMap<>();
        List<Future<?>> running = new ArrayList<>();
        // The procedure's side: acts whose windows are long past, so their timers fire as soon as they are correlated.
        running.add(pool.submit(() -> {
            awaitStart(start);
            List<String> procedure = List.of(
                    "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2023-02-01\"}",
                    "{\"type\": \"SummonsServed\", \"occurredOn\": \"2023-05-02\", \"hearingOn\": \"2023-07-20\"}",
                    "{\"type\": \"HearingHeld\", \"occurredOn\": \"2023-07-20\", \"tenantPresent\": true}",
                    "{\"type\": \"JudgmentDelivered\", \"occurredOn\": \"2023-09-14\", \"outcome\": \"TERMINATION\"}",
                    "{\"type\": \"NoticeToQuitServed\", \"occurredOn\": \"2023-10-02\"}",
                    "{\"type\": \"PoliceAssistanceRequested\", \"occurredOn\": \"2024-01-08\"}");
            for (int i = 0; i < procedure.size(); i++) {
                String key = "procedure-" + i;
                statusByKey.put(key, api.post("ccapex", "ccapex", acts, procedure.get(i), key).status());
            }
        }));
        // The partners' side: acts every stage allows, each with its own key.
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            running.add(pool.submit(() -> {
                awaitStart(start);
                for (int i = 0; i < ACTS_PER_WRITER; i++) {
                    String key = "w" + writer + "-" + i;
                    String body = switch ((writer + i) % 4) {
                        case 0 -> "{\"type\": \"CcapexExamined\", \"occurredOn\": \"2024-03-0" + (1 + i % 9) + "\", \"opinion\": \"avis " + key + "\"}";
                        case 1 -> "{\"type\": \"UnpaidRentReported\", \"occurredOn\": \"2023-01-0" + (1 + i % 9) + "\", \"amount\": \"" + (100 + writer) + "." + (10 + i) + "\"}";
                        case 2 -> "{\"type\": \"HousingFundAidGranted\", \"occurredOn\": \"2023-06-1" + (i % 9) + "\", \"amount\": \"" + (200 + writer) + ".00\"}";
                        default -> "{\"type\": \"CcapexReferralReceived\", \"occurredOn\": \"2023-01-2" + (i % 9) + "\"}";
                    };
                    statusByKey.put(key, api.post("ccapex", "ccapex", acts, body, key).status());
                }
            }));
        }
        start.countDown();
        for (Future<?> f : running) f.get(3, TimeUnit.MINUTES);
        pool.shutdown();

        Map<Integer, Integer> statuses = new HashMap<>();
        statusByKey.values().forEach(s -> statuses.merge(s, 1, Integer::sum));
        System.out.printf("ConcurrentWritesTest: %d writes on one dossier, statuses %s%n", statusByKey.size(), statuses);
        assertThat(statusByKey).hasSize(WRITERS * ACTS_PER_WRITER + 6);
        assertThat(statusByKey.values()).as("answers by status: " + statuses).allMatch(s -> s == 201);

        // Every act answered 201 is in the dossier exactly once, under its own key.
        JsonNode events = api.get("ccapex", "/api/v1/cases/" + caseId + "/history").body().path("events");
        List<JsonNode> partnerActs = ApiClient.partnerActs(events);
        assertThat(partnerActs).hasSize(1 + WRITERS * ACTS_PER_WRITER + 6);

        // The procedure caught up on every timer without an incident.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(management.createJobQuery().executable().count()).isZero();
            assertThat(history(api, caseId)).contains("PoliceAssistanceRequested");
        });
        assertThat(runtime.createIncidentQuery().count()).as("incidents").isZero();
        assertThat(management.createJobQuery().withException().count()).as("failed jobs").isZero();
    }

    private static String history(ApiClient api, String caseId) {
        return api.get("ccapex", "/api/v1/cases/" + caseId + "/history").body().toString();
    }

    private static void awaitStart(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
