package fr.prevexp.api.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.prevexp.api.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input table: each bad request gets its status, a problem+json body with the type of its
 * kind and, for a field or a parameter, the field named in {@code errors}; and nothing is written
 * (no dossier opened, the dossier's history unchanged). Over HTTP, as a partner (or an attacker)
 * would send it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:bad-input;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(BadInputTest.FailingFilter.class)
class BadInputTest {
    /** A filter that fails on demand, to see what an error raised in a filter (outside Spring MVC) answers. */
    @TestConfiguration
    static class FailingFilter {
        @Bean
        FilterRegistrationBean<OncePerRequestFilter> failingFilter() {
            FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws ServletException, IOException {
                    if (request.getHeader("X-Fail-In-Filter") != null) throw new IllegalStateException("failed in a filter");
                    chain.doFilter(request, response);
                }
            });
            registration.addUrlPatterns("/api/*");
            return registration;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    /** The dossier every bad act is sent to. */
    private String caseId;

    @BeforeAll
    void openTheDossier() {
        ApiClient.Answer opened = new ApiClient(port).post("ccapex", "/api/v1/cases", ApiClient.opening("2024-01-10"));
        assertThat(opened.status()).isEqualTo(201);
        caseId = opened.text("caseId");
    }

    /** One bad request: what is sent, and the status, problem type and field expected. */
    record Bad(String name, String method, String path, String contentType, String body, String header, int status, String type,
               String field) {
        @Override
        public String toString() {
            return name;
        }

        boolean opening() {
            return path.equals("/api/v1/cases") && method.equals("POST");
        }
    }

    static final String OPEN = "/api/v1/cases";
    static final String ACTS = "/api/v1/cases/{id}/acts";
    static final String LONG_256 = "R".repeat(256);

    static Bad open(String name, String body, int status, String type, String field) {
        return new Bad(name, "POST", OPEN, "application/json", body, null, status, type, field);
    }

    static Bad act(String name, String body, int status, String type, String field) {
        return new Bad(name, "POST", ACTS, "application/json", body, null, status, type, field);
    }

    static Bad get(String name, String path, int status, String type, String field) {
        return new Bad(name, "GET", path, null, null, null, status, type, field);
    }

    /** The opening of ApiClient with one field replaced ({@code "debt": "1950.00"} becomes {@code "debt": <value>}). */
    static String opening(String field, String value) {
        String ok = ApiClient.opening("2024-01-10");
        String replaced = ok.replaceFirst("\"" + field + "\": (\"[^\"]*\"|[-0-9.]+)", "\"" + field + "\": " + value);
        if (replaced.equals(ok)) throw new IllegalArgumentException("no field " + field + " in the opening");
        return replaced;
    }

    static Stream<Bad> table() {
        String huge = "x".repeat(19 * 1024 * 1024);
        return Stream.of(
                // --- openings ---
                open("debt of a thousand billion euros", opening("debt", "\"1000000000000.00\""), 422, "invalid-fields", "debt"),
                open("debt over 9 999 999,99", opening("debt", "10000000.00"), 422, "invalid-fields", "debt"),
                open("negative rent", opening("monthlyRent", "\"-1.00\""), 422, "invalid-fields", "monthlyRent"),
                open("rent with a cent fraction", opening("monthlyRent", "650.005"), 422, "invalid-fields", "monthlyRent"),
                open("reference of 256 characters", opening("debt", "\"1.00\", \"reference\": \"" + LONG_256 + "\""), 422, "invalid-fields", "reference"),
                open("persons -3", opening("persons", "-3"), 422, "invalid-fields", "household.persons"),
                open("persons 0", opening("persons", "0"), 422, "invalid-fields", "household.persons"),
                open("persons 31", opening("persons", "31"), 422, "invalid-fields", "household.persons"),
                open("persons 1.5", opening("persons", "1.5"), 422, "invalid-fields", "household.persons"),
                open("household name of 201 characters", opening("name", "\"" + "N".repeat(201) + "\""), 422, "invalid-fields", "household.name"),
                open("landlord organisation of 129 characters", opening("organisation", "\"" + "o".repeat(129) + "\""), 422, "invalid-fields",
                        "landlord.organisation"),
                open("opened on 0001-01-01", opening("openedOn", "\"0001-01-01\""), 422, "invalid-fields", "openedOn"),
                open("opened on -999999999-01-01", opening("openedOn", "\"-999999999-01-01\""), 422, "invalid-fields", "openedOn"),
                open("opened on 1989-12-31", opening("openedOn", "\"1989-12-31\""), 422, "invalid-fields", "openedOn"),
                open("opened on a date-time", opening("openedOn", "\"2024-01-10T10:00:00\""), 422, "invalid-fields", "openedOn"),
                open("lease signed in 1899", opening("leaseSignedOn", "\"1899-12-31\""), 422, "invalid-fields", "leaseSignedOn"),
                open("lease signed on a date-time", opening("leaseSignedOn", "\"2019-05-01T00:00:00Z\""), 422, "invalid-fields", "leaseSignedOn"),
                open("debt given twice", opening("debt", "\"1.00\", \"debt\": \"2.00\""), 400, "unreadable-json", "debt"),
                open("household name given twice", opening("name", "\"A\", \"name\": \"B\""), 400, "unreadable-json", "household.name"),
                open("19 MB reference", opening("debt", "\"1.00\", \"reference\": \"" + huge + "\""), 413, "payload-too-large", null),
                open("body of 65 KiB", opening("debt", "\"1.00\", \"reference\": \"" + "r".repeat(65 * 1024) + "\""), 413,
                        "payload-too-large", null),
                open("a JSON array", "[1, 2]", 422, "invalid-fields", "(body)"),
                open("not JSON", "{\"openedOn\": ", 400, "unreadable-json", null),
                new Bad("an Idempotency-Key of 129 characters", "POST", OPEN, "application/json", ApiClient.opening("2024-01-10"),
                        "k".repeat(129), 400, "invalid-parameter", "Idempotency-Key"),
                new Bad("text/plain body", "POST", OPEN, "text/plain", ApiClient.opening("2024-01-10"), null, 415, "unsupported-media-type", null),
                // --- acts ---
                act("paymentDelayMonths 1.5", "{\"type\": \"JudgmentDelivered\", \"occurredOn\": \"2024-02-01\", "
                        + "\"outcome\": \"TERMINATION_WITH_PAYMENT_DELAYS\", \"paymentDelayMonths\": 1.5}", 422, "invalid-fields", "paymentDelayMonths"),
                act("monthsUnpaid 2.0", "{\"type\": \"UnpaidRentReported\", \"occurredOn\": \"2024-02-01\", \"monthsUnpaid\": 2.0}", 422,
                        "invalid-fields", "monthsUnpaid"),
                act("act dated 0001-01-01", "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"0001-01-01\"}", 422, "invalid-fields", "occurredOn"),
                act("act dated -999999999-01-01", "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"-999999999-01-01\"}", 422,
                        "invalid-fields", "occurredOn"),
                act("act dated +999999999-12-31", "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"+999999999-12-31\"}", 422,
                        "invalid-fields", "occurredOn"),
                act("act dated with a time", "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01T10:00:00\"}", 422,
                        "invalid-fields", "occurredOn"),
                act("debt claimed of a thousand billion", "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\", "
                        + "\"debtClaimed\": 1000000000000.00}", 422, "invalid-fields", "debtClaimed"),
                act("hearing 3 years after the summons", "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-02-01\", "
                        + "\"hearingOn\": \"2027-02-02\"}", 422, "invalid-fields", "hearingOn"),
                act("court of 201 characters", "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-02-01\", \"hearingOn\": \"2024-04-02\", "
                        + "\"court\": \"" + "C".repeat(201) + "\"}", 422, "invalid-fields", "court"),
                act("referral reason of 4001 characters", "{\"type\": \"CcapexReferralReceived\", \"occurredOn\": \"2024-02-01\", "
                        + "\"reason\": \"" + "r".repeat(4001) + "\"}", 422, "invalid-fields", "reason"),
                act("51 recommendations", "{\"type\": \"CcapexExamined\", \"occurredOn\": \"2024-02-01\", \"recommendations\": ["
                        + String.join(",", java.util.Collections.nCopies(51, "\"FSL\"")) + "]}", 422, "invalid-fields", "recommendations"),
                act("date given twice", "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\", \"occurredOn\": \"2024-02-02\"}",
                        400, "unreadable-json", "occurredOn"),
                act("type given twice", "{\"type\": \"PaymentOrderServed\", \"type\": \"KeysReturned\", \"occurredOn\": \"2024-02-01\"}",
                        400, "unreadable-json", "type"),
                act("19 MB opinion", "{\"type\": \"CcapexExamined\", \"occurredOn\": \"2024-02-01\", \"opinion\": \"" + huge + "\"}",
                        413, "payload-too-large", null),
                new Bad("chunked body over 64 KiB", "POST", ACTS, "application/json+chunked",
                        "{\"type\": \"CcapexExamined\", \"occurredOn\": \"2024-02-01\", \"opinion\": \"" + "o".repeat(70 * 1024) + "\"}",
                        null, 413, "payload-too-large", null),
                // --- query parameters ---
                get("deadlines of day +999999999-12-31", "/api/v1/deadlines?day=%2B999999999-12-31", 400, "invalid-parameter", "day"),
                get("deadlines of day +999999999-12-31 (unencoded)", "/api/v1/deadlines?day=+999999999-12-31", 400, "invalid-parameter", "day"),
                get("deadlines of day 1000-01-01", "/api/v1/deadlines?day=1000-01-01", 400, "invalid-parameter", "day"),
                get("deadlines of a date-time", "/api/v1/deadlines?day=2024-01-10T10:00:00", 400, "invalid-parameter", "day"),
                get("deadlines elapsed over 100000 days", "/api/v1/deadlines?elapsedDays=100000", 400, "invalid-parameter", "elapsedDays"),
                get("history as of 9999-01-01", "/api/v1/cases/{id}/history?asOf=9999-01-01", 400, "invalid-parameter", "asOf"),
                get("indicators of year 99999", "/api/v1/indicators?year=99999", 400, "invalid-parameter", "year"),
                get("indicators of year 1.5", "/api/v1/indicators?year=1.5", 400, "invalid-parameter", "year"),
                get("indicators without year", "/api/v1/indicators", 400, "invalid-parameter", "year"),
                get("dashboard of year 3000", "/dashboard/data?year=3000", 400, "invalid-parameter", "year"),
                get("case list page -1", "/api/v1/cases?page=-1", 400, "invalid-parameter", "page"),
                get("case list page 2147483647", "/api/v1/cases?page=2147483647", 400, "invalid-parameter", "page"),
                get("case list page 2147483648", "/api/v1/cases?page=2147483648", 400, "invalid-parameter", "page"),
                get("case list size 100000", "/api/v1/cases?size=100000", 400, "invalid-parameter", "size"),
                get("case list of territory 'x'", "/api/v1/cases?territory=x", 400, "invalid-parameter", "territory"),
                get("case list of stage NOPE", "/api/v1/cases?stage=NOPE", 400, "invalid-parameter", "stage"),
                // --- the firewall and the container ---
                get("double slash in the path", "/api/v1//cases", 400, "request-rejected", null),
                get("semicolon in the path", "/api/v1/cases;jsessionid=1", 400, "request-rejected", null),
                get("encoded dot in the path", "/api/v1/%2e%2e/cases", 400, "request-rejected", null),
                get("encoded slash in the path", "/api/v1/cases%2F..%2Fadmin", 400, "request-rejected", null),
                get("unknown path", "/api/v1/nothing-here", 404, "not-found", null),
                get("unknown dossier", "/api/v1/cases/no-such-dossier", 404, "not-found", null),
                new Bad("DELETE on the case list", "DELETE", OPEN, null, null, null, 405, "method-not-allowed", null),
                new Bad("PUT on an act", "PUT", ACTS, "application/json", "{}", null, 405, "method-not-allowed", null),
                new Bad("asks for XML only", "GET", "/api/v1/cases?accept=application/xml", null, null, null, 406, "not-acceptable", null),
                new Bad("asks for HTML only", "GET", "/api/v1/cases?accept=text/html", null, null, null, 406, "not-acceptable", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void badInputIsRefusedWithProblemJsonAndWritesNothing(Bad bad) throws Exception {
        long openings = openings();
        int acts = partnerActs();
        assertThat(openings).as("the dossier of the table is in the log").isPositive();
        assertThat(acts).isPositive();

        Raw answer = send(bad);

        assertThat(answer.status()).as(answer.body()).isEqualTo(bad.status());
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("https://prevexp.fr/problems/" + bad.type());
        assertThat(problem.path("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.path("title").asText()).isNotBlank();
        if (bad.field() != null) {
            assertThat(problem.path("errors").findValuesAsText("field")).as(answer.body()).contains(bad.field());
            for (JsonNode error : problem.path("errors")) {
                assertThat(error.path("reason").asText()).as("a reason a French public servant reads").isNotBlank()
                        .doesNotContain("must ", "is required", "expected", "Cannot", "Unrecognized");
            }
        }
        assertThat(answer.body().length()).as("the answer does not echo a huge input").isLessThan(8192);
        assertThat(openings()).as("no dossier opened").isEqualTo(openings);
        assertThat(partnerActs()).as("the dossier's history unchanged").isEqualTo(acts);
    }

    @Test
    void anUnauthenticatedRequestStaysA401ProblemAndAnUnauthenticatedFirewallRejectionIsA400Problem() throws Exception {
        Raw unauthenticated = send(new Bad("", "GET", OPEN, null, null, null, 0, null, null), null);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.contentType()).startsWith("application/problem+json");
        Raw rejected = send(new Bad("", "GET", "/api/v1//cases", null, null, null, 0, null, null), null);
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.body()).doesNotContain("<html");
    }

    @ParameterizedTest(name = "accepting {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"application/json", "text/html", "*/*"})
    void anErrorRaisedInAFilterIsAProblem(String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases"))
                .header("X-Fail-In-Filter", "yes").header("Accept", accept)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ccapex:ccapex".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("type").asText()).isEqualTo("https://prevexp.fr/problems/internal-error");
        assertThat(response.body()).doesNotContain("failed in a filter");
    }

    @Test
    void theContainersErrorPageIsAProblemForTheApi() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error")).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("type").asText()).startsWith("https://prevexp.fr/problems/");
    }

    @Test
    void theLargestValidOpeningIsAcceptedAndShowsInTheCaseList() {
        ApiClient api = new ApiClient(port);
        String body = opening("debt", "\"9999999.99\", \"reference\": \"" + "R".repeat(64) + "\"")
                .replace("\"persons\": 3", "\"persons\": 30");
        ApiClient.Answer opened = api.post("ccapex", OPEN, body);
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        String id = opened.text("caseId");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> listed = api.get("ccapex", "/api/v1/cases?size=200").body().path("items").findValuesAsText("caseId");
            assertThat(listed).contains(id);
        });
    }

    private long openings() {
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%CaseOpened'", Long.class);
        return n == null ? 0 : n;
    }

    private int partnerActs() {
        return ApiClient.partnerActs(new ApiClient(port).get("ccapex", "/api/v1/cases/" + caseId + "/history").body().path("events")).size();
    }

    record Raw(int status, String contentType, String body) {
    }

    private Raw send(Bad bad) throws IOException, InterruptedException {
        return send(bad, "ccapex");
    }

    private Raw send(Bad bad, String login) throws IOException, InterruptedException {
        String path = bad.path().replace("{id}", caseId == null ? "none" : caseId);
        String accept = "application/json";
        int query = path.indexOf("?accept=");
        if (query >= 0) {
            accept = path.substring(query + "?accept=".length());
            path = path.substring(0, query);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept);
        if (login != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":" + login).getBytes(StandardCharsets.UTF_8)));
        }
        if (bad.header() != null) request.header("Idempotency-Key", bad.header());
        if (bad.body() == null) {
            request.method(bad.method(), HttpRequest.BodyPublishers.noBody());
        } else if (bad.contentType().endsWith("+chunked")) {
            byte[] bytes = bad.body().getBytes(StandardCharsets.UTF_8);
            request.header("Content-Type", "application/json")
                    .method(bad.method(), HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        } else {
            request.header("Content-Type", bad.contentType())
                    .method(bad.method(), HttpRequest.BodyPublishers.ofString(bad.body(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }
}
