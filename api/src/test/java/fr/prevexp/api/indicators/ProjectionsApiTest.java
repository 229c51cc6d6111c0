package fr.prevexp.api.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import fr.prevexp.api.ApiClient;
import fr.prevexp.projections.replay.ProjectionReplay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models over HTTP: indicators in the shape of docs/api.md, the charter, the deadline board,
 * the dashboard's access and its numbers (the API's), after two dossiers recorded through the
 * partner API, one per parc, with acts on both sides of a year boundary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:projections-api;DB_CLOSE_DELAY=-1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionsApiTest {
    static final List<String> API_KEYS = List.of("PAYMENT_ORDERS", "SUMMONSES", "JUDGMENTS", "CONTRADICTORY_DECISION_RATE",
            "CONDITIONAL_DECISION_RATE", "NOTICES_TO_QUIT", "POLICE_ASSISTANCE_REQUESTED", "POLICE_ASSISTANCE_GRANTED",
            "GRANTED_TO_SUMMONS_RATIO", "EVICTIONS_CARRIED_OUT", "DEPARTURES_WITHOUT_POLICE");

    @LocalServerPort
    int port;
    @Autowired
    ProjectionReplay projections;
    @Autowired
    org.camunda.bpm.engine.ManagementService jobs;
    ApiClient api;

    private void act(String caseId, String login, String json) {
        ApiClient.Answer recorded = api.post(login, "/api/v1/cases/" + caseId + "/acts", json);
        assertThat(recorded.status()).as(json + " -> " + recorded.body()).isEqualTo(201);
    }

    @BeforeAll
    void twoDossiers() throws InterruptedException {
        api = new ApiClient(port);
        // Private parc, Saint-Denis: conditional judgment, tenant present.
        String a = api.post("ccapex", "/api/v1/cases", ApiClient.opening("2024-01-05")).text("caseId");
        act(a, "commissaire", "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-01-15\"}");
        act(a, "commissaire", "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-04-02\", \"hearingOn\": \"2024-06-20\"}");
        act(a, "commissaire", "{\"type\": \"HearingHeld\", \"occurredOn\": \"2024-06-20\", \"tenantPresent\": true}");
        act(a, "commissaire", "{\"type\": \"JudgmentDelivered\", \"occurredOn\": \"2024-07-01\", \"outcome\": \"TERMINATION_WITH_PAYMENT_DELAYS\", \"paymentDelayMonths\": 12}");
        // Social housing, Montreuil: payment order in 2023, eviction in 2025.
        String b = api.post("ccapex", "/api/v1/cases", ApiClient.opening("2023-11-20")
                .replace("\"PRIVATE\"", "\"PUBLIC\"").replace("93066", "93048").replace("PRIVATE_PERSON", "SOCIAL")).text("caseId");
        act(b, "commissaire", "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2023-12-20\"}");
        act(b, "commissaire", "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-03-01\", \"hearingOn\": \"2024-05-15\"}");
        act(b, "commissaire", "{\"type\": \"HearingHeld\", \"occurredOn\": \"2024-05-15\", \"tenantPresent\": false}");
        act(b, "commissaire", "{\"type\": \"JudgmentDelivered\", \"occurredOn\": \"2024-06-01\", \"outcome\": \"TERMINATION\"}");
        act(b, "commissaire", "{\"type\": \"JudgmentServed\", \"occurredOn\": \"2024-06-10\"}");
        act(b, "commissaire", "{\"type\": \"NoticeToQuitServed\", \"occurredOn\": \"2024-07-01\"}");
        act(b, "commissaire", "{\"type\": \"PoliceAssistanceRequested\", \"occurredOn\": \"2024-09-10\"}");
        act(b, "prefecture", "{\"type\": \"PoliceAssistanceGranted\", \"occurredOn\": \"2024-10-20\"}");
        act(b, "commissaire", "{\"type\": \"EvictionCarriedOut\", \"occurredOn\": \"2025-04-10\", \"withShelterSolution\": false}");
        // The acts are back-dated: the procedure's timers are due at once. Wait until it has nothing left to do
        // and the projections have read the whole log, twice in a row.
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        for (int quiet = 0; quiet < 2; ) {
            assertThat(Instant.now()).as("the procedure and the projections catch up").isBefore(until);
            quiet = projections.done() && jobs.createJobQuery().executable().count() == 0 ? quiet + 1 : 0;
            Thread.sleep(300);
        }
    }

    private Map<String, JsonNode> indicators(String query) {
        ApiClient.Answer answer = api.get("ccapex", "/api/v1/indicators?" + query);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        Map<String, JsonNode> values = new HashMap<>();
        for (JsonNode i : answer.body().path("indicators")) {
            assertThat(i.has("key") && i.has("label") && i.has("value")).as("key, label and value: " + i).isTrue();
            assertThat(i.path("label").asText()).isNotBlank();
            values.put(i.path("key").asText(), i.path("value"));
        }
        return values;
    }

    @Test
    void indicatorsOfAYearInTheShapeOfTheContract() {
        ApiClient.Answer answer = api.get("auditor", "/api/v1/indicators?year=2024");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("year").asInt()).isEqualTo(2024);
        Map<String, JsonNode> v = indicators("year=2024");
        assertThat(v.keySet()).containsAll(API_KEYS).contains("MEDIAN_DEBT_EXAMINED", "FOLLOW_UP_EVICTED", "CCAPEX_REFERRALS");
        assertThat(v.get("PAYMENT_ORDERS").asLong()).isEqualTo(1);
        assertThat(v.get("SUMMONSES").asLong()).isEqualTo(2);
        assertThat(v.get("JUDGMENTS").asLong()).isEqualTo(2);
        assertThat(v.get("CONTRADICTORY_DECISION_RATE").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(v.get("CONDITIONAL_DECISION_RATE").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(v.get("NOTICES_TO_QUIT").asLong()).isEqualTo(1);
        assertThat(v.get("POLICE_ASSISTANCE_REQUESTED").asLong()).isEqualTo(1);
        assertThat(v.get("POLICE_ASSISTANCE_GRANTED").asLong()).isEqualTo(1);
        assertThat(v.get("GRANTED_TO_SUMMONS_RATIO").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(v.get("EVICTIONS_CARRIED_OUT").asLong()).isZero();
        assertThat(v.get("MEDIAN_DEBT_EXAMINED").isNull()).as("no examination: no median, written as null").isTrue();

        assertThat(indicators("year=2023").get("PAYMENT_ORDERS").asLong()).isEqualTo(1);
        Map<String, JsonNode> v2025 = indicators("year=2025");
        assertThat(v2025.get("EVICTIONS_CARRIED_OUT").asLong()).isEqualTo(1);
        assertThat(v2025.get("EVICTIONS_WITHOUT_SHELTER").asLong()).isEqualTo(1);
        assertThat(v2025.get("CONTRADICTORY_DECISION_RATE").isNull()).as("no judgment in 2025").isTrue();

        Map<String, JsonNode> publicParc = indicators("year=2024&parc=PUBLIC");
        assertThat(publicParc.get("SUMMONSES").asLong()).isEqualTo(1);
        assertThat(publicParc.get("CONTRADICTORY_DECISION_RATE").decimalValue()).isEqualByComparingTo("0");
        assertThat(indicators("year=2024&territory=93066").get("CONDITIONAL_DECISION_RATE").decimalValue()).isEqualByComparingTo("1");
        assertThat(indicators("year=2024&territory=93066&parc=PUBLIC").get("SUMMONSES").asLong()).isZero();
    }

    @Test
    void badQueriesAreProblems() {
        for (String query : List.of("", "year=abc", "year=3000", "year=2024&parc=HLM", "year=2024&territory=Montreuil")) {
            ApiClient.Answer answer = api.get("ccapex", "/api/v1/indicators?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.get(null, "/api/v1/indicators?year=2024").status()).isEqualTo(401);
        assertThat(api.get(null, "/api/v1/charter").status()).isEqualTo(401);
    }

    @Test
    void theCharterActualAgainstTarget() {
        JsonNode charter = api.get("prefecture", "/api/v1/charter").body();
        assertThat(charter.path("departement").asText()).isEqualTo("93");
        assertThat(charter.path("objectives")).hasSize(6);
        JsonNode cql = null;
        for (JsonNode o : charter.path("objectives")) if (o.path("indicator").asText().equals("NOTICES_TO_QUIT")) cql = o;
        assertThat(cql).isNotNull();
        assertThat(cql.path("target").path("type").asText()).isEqualTo("ANNUAL_CHANGE");
        assertThat(cql.path("years").findValuesAsText("year")).containsExactly("2022", "2023", "2024", "2025", "2026", "2027", "2028");
        JsonNode y2024 = cql.path("years").get(2);
        assertThat(y2024.path("actual").decimalValue()).isEqualByComparingTo("1");
        // 2023 had acts (a payment order) but no order to leave: its actual is 0, so 2024 has no target (never "not met" against 0).
        assertThat(y2024.path("target").isNull()).isTrue();
        assertThat(y2024.path("status").asText()).isEqualTo("NO_BASELINE");
        JsonNode y2022 = cql.path("years").get(0);
        assertThat(y2022.has("actual") && y2022.path("actual").isNull()).as("a year without acts: no data, written as null").isTrue();
        assertThat(y2022.path("status").asText()).isEqualTo("NO_DATA");
    }

    @Test
    void theDeadlineBoardIsForTheSecretariatThePrefectureAndAuditors() {
        for (String login : List.of("ccapex", "prefecture", "auditor")) {
            ApiClient.Answer board = api.get(login, "/api/v1/deadlines?day=2024-09-11");
            assertThat(board.status()).as(login).isEqualTo(200);
            assertThat(board.body().path("weekFrom").asText()).isEqualTo("2024-09-09");
            assertThat(board.body().has("dueThisWeek") && board.body().has("overdue") && board.body().has("elapsed")).isTrue();
        }
        // The order to leave of 2024-07-01 opened a two-month delay, due 2024-09-01, which the procedure recorded as elapsed.
        ApiClient.Answer september = api.get("ccapex", "/api/v1/deadlines?day=2024-09-05&territory=93048&parc=PUBLIC");
        assertThat(september.body().path("elapsed").findValuesAsText("kind")).contains("NOTICE_TO_QUIT_DELAY");
        assertThat(september.body().path("elapsed").findValuesAsText("dueOn")).contains("2024-09-01");
        assertThat(api.get("ccapex", "/api/v1/deadlines?day=2024-09-05&parc=PRIVATE").body().path("elapsed").findValuesAsText("kind"))
                .doesNotContain("NOTICE_TO_QUIT_DELAY");
        assertThat(api.get("ccapex", "/api/v1/deadlines?day=2024-09-05&territory=93066").body().path("elapsed").findValuesAsText("kind"))
                .doesNotContain("NOTICE_TO_QUIT_DELAY");
        assertThat(api.get("ccapex", "/api/v1/deadlines?day=2024-10-15&territory=93048&elapsedDays=30").body().path("elapsed")
                .findValuesAsText("kind")).as("elapsed more than 30 days before").doesNotContain("NOTICE_TO_QUIT_DELAY");
        assertThat(api.get("commissaire", "/api/v1/deadlines").status()).isEqualTo(403);
        assertThat(api.get("bailleur", "/api/v1/deadlines").status()).isEqualTo(403);
    }

    @Test
    void theDashboardIsForTheSecretariatThePrefectureAndAuditorsAndShowsTheNumbersOfTheApi() {
        assertThat(api.get(null, "/dashboard").status()).isEqualTo(401);
        assertThat(api.get("commissaire", "/dashboard/").status()).isEqualTo(403);
        assertThat(api.get("caf", "/dashboard/data?year=2024").status()).isEqualTo(403);
        for (String login : List.of("ccapex", "prefecture", "auditor")) {
            assertThat(api.get(login, "/dashboard/data?year=2024").status()).as(login).isEqualTo(200);
        }
        JsonNode data = api.get("ccapex", "/dashboard/data?year=2024&parc=PUBLIC").body();
        Map<String, JsonNode> api = indicators("year=2024&parc=PUBLIC");
        assertThat(data.path("funnel").findValuesAsText("key")).containsExactly("PAYMENT_ORDERS", "SUMMONSES", "JUDGMENTS",
                "NOTICES_TO_QUIT", "POLICE_ASSISTANCE_REQUESTED", "POLICE_ASSISTANCE_GRANTED", "EVICTIONS_CARRIED_OUT");
        for (JsonNode step : data.path("funnel")) {
            assertThat(step.path("value").decimalValue()).as(step.path("key").asText())
                    .isEqualByComparingTo(api.get(step.path("key").asText()).decimalValue());
        }
        for (JsonNode i : data.path("indicators")) {
            JsonNode expected = api.get(i.path("key").asText());
            if (expected.isNull()) assertThat(i.path("value").isNull()).as(i.path("key").asText()).isTrue();
            else assertThat(i.path("value").decimalValue()).as(i.path("key").asText()).isEqualByComparingTo(expected.decimalValue());
        }
        assertThat(data.path("years").toString()).isEqualTo("[2025,2024,2023]");
        assertThat(data.path("territories").toString()).isEqualTo("[\"93048\",\"93066\"]");
        assertThat(this.api.get("ccapex", "/dashboard/data?territory=x").status()).isEqualTo(400);
        assertThat(this.api.post("commissaire", "/api/v1/admin/demo-data?year=2023", "{}").status()).isEqualTo(403);
        assertThat(this.api.post("auditor", "/api/v1/admin/projections/replay", "{}").status()).isEqualTo(403);
        assertThat(new BigDecimal(data.path("year").asText())).isEqualByComparingTo("2024");
    }
}
