package fr.prevexp.api;

import fr.prevexp.projections.replay.ProjectionReplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Dropping every read model and replaying the log gives the same tables, row for row. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:replay;DB_CLOSE_DELAY=-1")
@ExtendWith(OutputCaptureExtension.class)
class ReplayTest {
    static final List<String> TABLES = List.of("rm_case_summary", "rm_case_party", "rm_indicator_fact", "rm_indicator_case", "rm_indicator_year",
            "rm_deadline", "rm_deadline_case");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionReplay replay;
    @Autowired
    org.camunda.bpm.engine.ManagementService jobs;

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            String order = switch (table) {
                case "rm_indicator_fact" -> "case_id, sequence";
                case "rm_deadline" -> "case_id, opened_by_sequence";
                case "rm_case_party" -> "case_id, organisation";
                case "rm_indicator_year" -> "act_year";
                default -> "case_id";
            };
            tables.put(table, jdbc.queryForList("select * from " + table + " order by " + order));
        }
        return tables;
    }

    /** Waits until the procedure has nothing left to do (no due job) and every projection has read the whole log, twice in a row. */
    private void awaitCaughtUp() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        int quiet = 0;
        while (quiet < 2) {
            assertThat(Instant.now()).as("projections catch up with the log").isBefore(until);
            boolean settled = replay.done() && jobs.createJobQuery().executable().count() == 0;
            quiet = settled ? quiet + 1 : 0;
            Thread.sleep(500);
        }
    }

    @Test
    void replayRebuildsEveryReadModelIdentically(CapturedOutput output) throws InterruptedException {
        ApiClient api = new ApiClient(port);
        for (int i = 0; i < 5; i++) {
            String id = api.post("ccapex", "/api/v1/cases", ApiClient.opening("2024-01-1" + i)).text("caseId");
            String acts = "/api/v1/cases/" + id + "/acts";
            api.post("commissaire", acts, "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\"}");
            api.post("commissaire", acts, "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-04-02\", \"hearingOn\": \"2024-06-20\"}");
            api.post("ccapex", acts, "{\"type\": \"CcapexExamined\", \"occurredOn\": \"2024-05-02\"}");
            if (i % 2 == 0) api.post("commissaire", acts, "{\"type\": \"HearingHeld\", \"occurredOn\": \"2024-06-20\", \"tenantPresent\": true}");
        }
        awaitCaughtUp();
        Map<String, List<Map<String, Object>>> before = snapshot();
        assertThat(before.get("rm_case_summary")).hasSize(5);
        assertThat(before.get("rm_indicator_fact")).hasSizeGreaterThan(20);
        assertThat(before.get("rm_deadline")).isNotEmpty();

        ApiClient.Answer started = api.post("ccapex", "/api/v1/admin/projections/replay", "{}");
        assertThat(started.status()).isEqualTo(202);
        assertThat(api.post("commissaire", "/api/v1/admin/projections/replay", "{}").status()).isEqualTo(403);
        awaitCaughtUp();
        assertThat(snapshot()).isEqualTo(before);
        Instant until = Instant.now().plus(Duration.ofSeconds(5));
        while (!output.getOut().contains("events/s") && Instant.now().isBefore(until)) Thread.sleep(100);
        assertThat(output.getOut()).contains("Replay of 'indicators'").contains("events/s");
        assertThat(api.get("auditor", "/api/v1/admin/projections").status()).isEqualTo(403);
        assertThat(api.get("ccapex", "/api/v1/admin/projections").body().findValuesAsText("processor"))
                .containsExactly("cases", "deadlines", "indicators");
    }
}
