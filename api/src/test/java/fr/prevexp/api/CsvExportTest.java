package fr.prevexp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.prevexp.projections.replay.ProjectionReplay;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CSV exports ({@code Accept: text/csv}) of the case list and the indicators: the same rows and
 * fields as the JSON for the same account (a partner exports only the dossiers it lists), JSON
 * whenever CSV is not named, spreadsheet formulas neutralised.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dashboard;DB_CLOSE_DELAY=-1", "camunda.bpm.job-execution.enabled=false"})
class CsvExportTest {
    @LocalServerPort
    int port;
    @Autowired
    ProjectionReplay projections;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String login, String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":" + login).getBytes(StandardCharsets.UTF_8)));
        if (accept != null) request.header("Accept", accept);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A line with values a spreadsheet would misread. */
    public record Line(String reference, String text) {
    }

    @Test
    void theCaseListAndTheIndicatorsAsCsvWithTheFieldsOfTheJson() throws Exception {
        ApiClient api = new ApiClient(port);
        String opening = """
                {"openedOn": "2024-05-02", "source": "CAF", "parc": "PUBLIC", "territory": "93008", "reference": "CSV-%s",
                 "household": {"name": "%s", "persons": 2}, "landlord": {"kind": "SOCIAL", "name": "OPH"}, "partners": %s}""";
        assertThat(api.post("ccapex", "/api/v1/cases", opening.formatted("1", "Famille Leroy", "[\"demo-caf\"]")).status()).isEqualTo(201);
        assertThat(api.post("ccapex", "/api/v1/cases", opening.formatted("2; bis", "Famille Petit", "[]")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(90)).until(() -> projections.done()
                && api.get("ccapex", "/api/v1/cases?q=CSV-").body().path("totalItems").asInt() == 2);

        HttpResponse<String> csv = get("ccapex", "/api/v1/cases?q=CSV-", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("dossiers.csv");
        List<String> lines = csv.body().lines().toList();
        JsonNode json = api.get("ccapex", "/api/v1/cases?q=CSV-").body();
        List<String> fields = new java.util.ArrayList<>();
        json.path("items").get(0).fieldNames().forEachRemaining(fields::add);
        List<String> columns = java.util.Arrays.stream(fr.prevexp.api.cases.CasesController.CaseListItem.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();
        assertThat(lines.get(0)).as("the JSON item's fields, in order").isEqualTo("\uFEFF" + String.join(";", columns));
        assertThat(columns).as("the JSON leaves out only empty fields").containsAll(fields);
        assertThat(lines).hasSize(3);
        assertThat(csv.body()).as("a separator in a value is quoted").contains(";\"CSV-2; bis\";");
        assertThat(csv.body()).as("the read models hold no personal data: no name in the export").doesNotContain("Famille");
        // A value a spreadsheet would read as a formula is neutralised.
        assertThat(fr.prevexp.api.export.Csv.of(Line.class, List.of(new Line("=HYPERLINK(\"x\")", "a; b"))))
                .contains("\"'=HYPERLINK(\"\"x\"\")\";\"a; b\"");

        // The CAF lists only the dossier it is party to: its export too.
        HttpResponse<String> caf = get("caf", "/api/v1/cases?q=CSV-", "text/csv");
        assertThat(caf.body().lines().toList()).hasSize(2);
        assertThat(caf.body()).contains("CSV-1").doesNotContain("CSV-2");

        // JSON unless CSV is asked for.
        for (String accept : new String[]{null, "*/*", "application/json", "application/json, text/csv;q=0.5"}) {
            assertThat(get("ccapex", "/api/v1/cases?q=CSV-", accept).headers().firstValue("Content-Type").orElse(""))
                    .as("Accept: " + accept).startsWith("application/json");
        }

        HttpResponse<String> indicators = get("prefecture", "/api/v1/indicators?year=2024&territory=93008", "text/csv");
        assertThat(indicators.statusCode()).isEqualTo(200);
        JsonNode values = new ObjectMapper().readTree(get("prefecture", "/api/v1/indicators?year=2024&territory=93008", null).body()).path("indicators");
        List<String> rows = indicators.body().lines().toList();
        assertThat(rows.get(0)).isEqualTo("\uFEFFyear;territory;parc;key;label;value;definition");
        assertThat(rows).hasSize(values.size() + 1);
        assertThat(rows.get(1)).startsWith("2024;93008;;" + values.get(0).path("key").asText() + ";");
    }
}
