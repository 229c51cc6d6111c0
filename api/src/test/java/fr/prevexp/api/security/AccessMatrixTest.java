package fr.prevexp.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.prevexp.api.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, over HTTP: every principal (the ten demo roles, anonymous, a wrong password)
 * against every endpoint and method, with the expected status written out; then dossier access:
 * a dossier a partner is not party to answers exactly as an unknown one, for reads and writes, and
 * the case list shows a partner exactly the dossiers it may open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:access-matrix;DB_CLOSE_DELAY=-1",
        // The matrix sends many wrong passwords from one address; the throttle has its own test.
        "prevexp.security.login-throttle.max-failures=100000"})
class AccessMatrixTest {
    static final List<String> ROLES = List.of("ccapex", "commissaire", "bailleur", "caf", "service-social", "prefecture",
            "banque-de-france", "siao", "comed", "auditor");
    static final String ANONYMOUS = "(anonymous)";
    static final String WRONG_PASSWORD = "(wrong password)";
    static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";

    /** A dossier opened by the secretariat naming no partner: its parties are demo-ccapex and the landlord demo-bailleur. */
    private static volatile String dossier;

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return body.isBlank() ? new ObjectMapper().nullNode() : new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(body, e);
            }
        }
    }

    record Row(String method, String path, String body, Map<String, Integer> expected) {
        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body.replaceAll("\\s+", " ").substring(0, Math.min(40, body.length())));
        }
    }

    /** Expected statuses: {@code roles} for each of the ten roles, then the exceptions ({@code login, status, ...}). */
    private static Map<String, Integer> expect(int roles, int anonymous, int wrongPassword, Object... exceptions) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        ROLES.forEach(r -> expected.put(r, roles));
        for (int i = 0; i < exceptions.length; i += 2) {
            if (!expected.containsKey((String) exceptions[i])) throw new IllegalArgumentException("no role " + exceptions[i]);
            expected.put((String) exceptions[i], (Integer) exceptions[i + 1]);
        }
        expected.put(ANONYMOUS, anonymous);
        expected.put(WRONG_PASSWORD, wrongPassword);
        return expected;
    }

    private static Row row(String method, String path, String body, Map<String, Integer> expected) {
        return new Row(method, path, body, expected);
    }

    static final String UNPAID = "{\"type\": \"UnpaidRentReported\", \"occurredOn\": \"2024-01-20\"}";
    static final String NOTICE_TO_QUIT = "{\"type\": \"NoticeToQuitServed\", \"occurredOn\": \"2024-01-20\"}";

    static Stream<Arguments> matrix() {
        List<Row> rows = new ArrayList<>(List.of(
                row("GET", "/api/v1/cases", null, expect(200, 401, 401)),
                row("HEAD", "/api/v1/cases", null, expect(200, 401, 401)),
                row("OPTIONS", "/api/v1/cases", null, expect(200, 401, 401)),
                row("POST", "/api/v1/cases", ApiClient.openingNaming("2024-01-10"), expect(201, 401, 401,
                        "banque-de-france", 403, "siao", 403, "comed", 403, "auditor", 403)),
                row("PUT", "/api/v1/cases", "{}", expect(405, 401, 401, "auditor", 403)),
                row("GET", "/api/v1/cases/{dossier}", null, expect(404, 401, 401,
                        "ccapex", 200, "prefecture", 200, "auditor", 200, "bailleur", 200)),
                row("HEAD", "/api/v1/cases/{dossier}", null, expect(404, 401, 401,
                        "ccapex", 200, "prefecture", 200, "auditor", 200, "bailleur", 200)),
                row("OPTIONS", "/api/v1/cases/{dossier}", null, expect(200, 401, 401)),
                row("GET", "/api/v1/cases/{dossier}/history", null, expect(404, 401, 401,
                        "ccapex", 200, "prefecture", 200, "auditor", 200, "bailleur", 200)),
                row("HEAD", "/api/v1/cases/{dossier}/history", null, expect(404, 401, 401,
                        "ccapex", 200, "prefecture", 200, "auditor", 200, "bailleur", 200)),
                row("GET", "/api/v1/cases/" + UNKNOWN, null, expect(404, 401, 401)),
                row("GET", "/api/v1/cases/" + UNKNOWN + "/history", null, expect(404, 401, 401)),
                row("OPTIONS", "/api/v1/cases/" + UNKNOWN, null, expect(200, 401, 401)),
                // The trades that report unpaid rent are the landlord and the CAF; the CAF is not party to this dossier.
                row("POST", "/api/v1/cases/{dossier}/acts", UNPAID, expect(403, 401, 401,
                        "ccapex", 201, "bailleur", 201, "caf", 404)),
                row("POST", "/api/v1/cases/" + UNKNOWN + "/acts", UNPAID, expect(403, 401, 401,
                        "ccapex", 404, "bailleur", 404, "caf", 404)),
                // Refused at the stage: the stage is told to parties only.
                row("POST", "/api/v1/cases/{dossier}/acts", NOTICE_TO_QUIT, expect(403, 401, 401,
                        "ccapex", 409, "commissaire", 404)),
                row("HEAD", "/api/v1/cases/{dossier}/acts", null, expect(405, 401, 401)),
                row("OPTIONS", "/api/v1/cases/{dossier}/acts", null, expect(200, 401, 401)),
                row("GET", "/api/v1/indicators?year=2024", null, expect(200, 401, 401)),
                row("HEAD", "/api/v1/indicators?year=2024", null, expect(200, 401, 401)),
                row("OPTIONS", "/api/v1/indicators", null, expect(200, 401, 401)),
                row("POST", "/api/v1/indicators", "{}", expect(405, 401, 401, "auditor", 403)),
                row("GET", "/api/v1/charter", null, expect(200, 401, 401)),
                row("HEAD", "/api/v1/charter", null, expect(200, 401, 401)),
                row("GET", "/api/v1/deadlines", null, expect(403, 401, 401, "ccapex", 200, "prefecture", 200, "auditor", 200)),
                row("HEAD", "/api/v1/deadlines", null, expect(403, 401, 401, "ccapex", 200, "prefecture", 200, "auditor", 200)),
                row("GET", "/api/v1/admin/projections", null, expect(403, 401, 401, "ccapex", 200)),
                row("HEAD", "/api/v1/admin/projections", null, expect(403, 401, 401, "ccapex", 200)),
                row("OPTIONS", "/api/v1/admin/projections", null, expect(403, 401, 401, "ccapex", 200)),
                row("DELETE", "/api/v1/admin/projections", null, expect(403, 401, 401, "ccapex", 405)),
                row("PUT", "/api/v1/admin/demo-data", "{}", expect(403, 401, 401, "ccapex", 405)),
                row("GET", "/actuator/health", null, expect(200, 200, 401)),
                row("GET", "/actuator/metrics", null, expect(403, 401, 401, "ccapex", 200)),
                row("GET", "/actuator/info", null, expect(403, 401, 401, "ccapex", 200)),
                row("GET", "/actuator", null, expect(403, 401, 401, "ccapex", 200)),
                row("GET", "/dashboard", null, expect(403, 401, 401, "ccapex", 200, "prefecture", 200, "auditor", 200)),
                // The workspace's pages: the same rule as the API for a dossier (404 when the partner may not read it).
                row("GET", "/dossiers", null, expect(200, 401, 401)),
                row("GET", "/dossiers/{dossier}", null, expect(404, 401, 401,
                        "ccapex", 200, "prefecture", 200, "auditor", 200, "bailleur", 200)),
                row("GET", "/dossiers/" + UNKNOWN, null, expect(404, 401, 401)),
                row("GET", "/api/v1/cases/{dossier}/allowed-acts", null, expect(404, 401, 401,
                        "ccapex", 200, "prefecture", 200, "auditor", 200, "bailleur", 200)),
                row("GET", "/api/v1/cases/{dossier}/procedure", null, expect(404, 401, 401,
                        "ccapex", 200, "prefecture", 200, "auditor", 200, "bailleur", 200)),
                row("GET", "/api/v1/me", null, expect(200, 401, 401)),
                row("GET", "/api/v1/vocabulary", null, expect(200, 401, 401)),
                row("GET", "/dashboard/data", null, expect(403, 401, 401, "ccapex", 200, "prefecture", 200, "auditor", 200)),
                // The engine's REST API knows only the engine's users: on the embedded default, the secretariat's administrator.
                row("GET", "/engine-rest/process-definition", null, expect(401, 401, 401, "ccapex", 200)),
                row("GET", "/v3/api-docs", null, expect(200, 200, 200))));
        return rows.stream().flatMap(r -> r.expected().keySet().stream().map(p -> Arguments.of(r, p)));
    }

    @BeforeEach
    void openDossierOnce() {
        if (dossier != null) return;
        synchronized (AccessMatrixTest.class) {
            if (dossier != null) return;
            Answer opened = send("ccapex", "ccapex", "POST", "/api/v1/cases", ApiClient.openingNaming("2024-01-10"));
            assertThat(opened.status()).isEqualTo(201);
            dossier = opened.json().path("caseId").asText();
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void everyPrincipalGetsItsStatusOnEveryEndpoint(Row row, String principal) {
        String path = row.path().replace("{dossier}", dossier);
        Answer answer = as(principal, row.method(), path, row.body());
        assertThat(answer.status()).as(row + " as " + principal + ": " + answer.body()).isEqualTo(row.expected().get(principal));
        boolean ours = path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/dashboard") || path.startsWith("/dossiers");
        if (answer.status() >= 400 && ours && !row.method().equals("HEAD")) {
            assertThat(answer.contentType()).as(row + " as " + principal).startsWith("application/problem+json");
        }
        if (answer.status() == 409) {
            assertThat(answer.json().path("stage").asText()).isEqualTo("PRE_LITIGATION");
        }
        if (answer.status() == 404 && !row.method().equals("HEAD")) {
            assertThat(answer.json().has("stage")).as("a 404 tells no stage").isFalse();
        }
    }

    @Test
    void aDossierAPartnerMayNotAccessAnswersExactlyAsAnUnknownOne() {
        String id = send("ccapex", "ccapex", "POST", "/api/v1/cases", ApiClient.openingNaming("2024-01-10")).json().path("caseId").asText();
        String paymentOrder = "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\"}";
        for (String[] request : List.of(new String[]{"GET", "/api/v1/cases/%s", null}, new String[]{"GET", "/api/v1/cases/%s/history", null},
                new String[]{"GET", "/api/v1/cases/%s/history?asOf=2024-03-01", null},
                new String[]{"POST", "/api/v1/cases/%s/acts", paymentOrder}, new String[]{"POST", "/api/v1/cases/%s/acts", NOTICE_TO_QUIT})) {
            Answer hidden = send("commissaire", "commissaire", request[0], request[1].formatted(id), request[2]);
            Answer unknown = send("commissaire", "commissaire", request[0], request[1].formatted(UNKNOWN), request[2]);
            assertThat(hidden.status()).as(request[0] + " " + request[1]).isEqualTo(404).isEqualTo(unknown.status());
            assertThat(hidden.contentType()).isEqualTo(unknown.contentType());
            assertThat(hidden.body().replace(id, "ID")).as(request[0] + " " + request[1]).isEqualTo(unknown.body().replace(UNKNOWN, "ID"));
        }
        assertThat(history(id)).as("nothing was recorded").hasSize(1);

        // The secretariat designates the commissaire: it reads the dossier, its refusals tell the stage, its acts are recorded.
        Answer designated = send("ccapex", "ccapex", "POST", "/api/v1/cases/" + id + "/acts",
                "{\"type\": \"PartnerDesignated\", \"occurredOn\": \"2024-01-11\", \"organisation\": \"demo-commissaire\"}");
        assertThat(designated.status()).as(designated.body()).isEqualTo(201);
        assertThat(send("commissaire", "commissaire", "GET", "/api/v1/cases/" + id, null).status()).isEqualTo(200);
        Answer refused = send("commissaire", "commissaire", "POST", "/api/v1/cases/" + id + "/acts", NOTICE_TO_QUIT);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("stage").asText()).isEqualTo("PRE_LITIGATION");
        assertThat(send("commissaire", "commissaire", "POST", "/api/v1/cases/" + id + "/acts", paymentOrder).status()).isEqualTo(201);

        // Recording an act does not make a partner party; only the secretariat designates.
        assertThat(send("caf", "caf", "GET", "/api/v1/cases/" + id, null).status()).isEqualTo(404);
        assertThat(send("commissaire", "commissaire", "POST", "/api/v1/cases/" + id + "/acts",
                "{\"type\": \"PartnerDesignated\", \"occurredOn\": \"2024-02-02\", \"organisation\": \"demo-caf\"}").status()).isEqualTo(403);
        assertThat(send("caf", "caf", "GET", "/api/v1/cases/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void theCaseListShowsAPartnerExactlyTheDossiersItMayOpen() {
        List<String> created = new ArrayList<>();
        created.add(send("ccapex", "ccapex", "POST", "/api/v1/cases", ApiClient.openingNaming("2024-01-10", "demo-caf")).json().path("caseId").asText());
        created.add(send("commissaire", "commissaire", "POST", "/api/v1/cases", ApiClient.openingNaming("2024-01-10")).json().path("caseId").asText());
        String designated = send("ccapex", "ccapex", "POST", "/api/v1/cases", ApiClient.openingNaming("2024-01-10")).json().path("caseId").asText();
        created.add(designated);
        assertThat(send("ccapex", "ccapex", "POST", "/api/v1/cases/" + designated + "/acts",
                "{\"type\": \"PartnerDesignated\", \"occurredOn\": \"2024-01-12\", \"organisation\": \"demo-siao\"}").status()).isEqualTo(201);
        // A partner's act on a dossier it is party to does not make anyone else party.
        assertThat(send("caf", "caf", "POST", "/api/v1/cases/" + created.get(0) + "/acts", UNPAID).status()).isEqualTo(201);
        // The list is a read model: wait until it has read the designation (the last event written).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(listed("siao")).contains(designated));

        Map<String, Set<String>> expectedParties = Map.of(created.get(0), Set.of("ccapex", "bailleur", "caf", "prefecture", "auditor"),
                created.get(1), Set.of("ccapex", "bailleur", "commissaire", "prefecture", "auditor"),
                designated, Set.of("ccapex", "bailleur", "siao", "prefecture", "auditor"));
        for (String role : ROLES) {
            Set<String> listed = new HashSet<>(listed(role));
            listed.retainAll(created);
            Set<String> readable = new HashSet<>();
            for (String id : created) {
                int status = send(role, role, "GET", "/api/v1/cases/" + id, null).status();
                assertThat(status).as(role + " reads " + id).isIn(200, 404);
                if (status == 200) readable.add(id);
                assertThat(status == 200).as(role + " on " + id).isEqualTo(expectedParties.get(id).contains(role));
            }
            assertThat(listed).as("the dossiers " + role + " lists are those it may open").isEqualTo(readable);
        }
    }

    private List<String> listed(String role) {
        List<String> ids = new ArrayList<>();
        send(role, role, "GET", "/api/v1/cases?size=200", null).json().path("items").forEach(i -> ids.add(i.path("caseId").asText()));
        return ids;
    }

    private JsonNode history(String id) {
        return send("ccapex", "ccapex", "GET", "/api/v1/cases/" + id + "/history", null).json().path("events");
    }

    private Answer as(String principal, String method, String path, String body) {
        if (principal.equals(ANONYMOUS)) return send(null, null, method, path, body);
        if (principal.equals(WRONG_PASSWORD)) return send("ccapex", "not-the-password", method, path, body);
        return send(principal, principal, method, path, body);
    }

    private Answer send(String login, String password, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) request.header("Content-Type", "application/json");
        if (login != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
