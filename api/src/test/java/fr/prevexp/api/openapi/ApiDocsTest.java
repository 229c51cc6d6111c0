package fr.prevexp.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import fr.prevexp.api.ApiClient;
import fr.prevexp.engine.Limits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document says what the API really does: success statuses, every error status with the
 * problem+json schema, act schemas that refuse unknown fields and carry the bounds of {@link Limits}.
 * (Its own in-memory database: it opens dossiers.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:api-docs;DB_CLOSE_DELAY=-1")
class ApiDocsTest {
    @LocalServerPort
    int port;

    private JsonNode docs() {
        ApiClient.Answer docs = new ApiClient(port).get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        return docs.body();
    }

    @Test
    void everyOperationDocumentsItsSuccessAndEveryErrorAsAProblem() {
        JsonNode paths = docs().path("paths");
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            var path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
                var operation = o.next();
                String key = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = operation.getValue().path("responses");
                List<String> expected = new ArrayList<>(List.of("400", "401", "403", "404", "405", "406", "413", "500"));
                if (ErrorsOpenApi.WRITES.contains(key)) expected.addAll(List.of("409", "415", "422"));
                for (String status : expected) {
                    assertThat(responses.path(status).path("content").path("application/problem+json").path("schema").path("$ref").asText())
                            .as(key + " " + status).isEqualTo("#/components/schemas/Problem");
                }
                String success = ErrorsOpenApi.SUCCESS.getOrDefault(key, "200");
                assertThat(responses.has(success)).as(key + " answers " + success).isTrue();
                if (!success.equals("200")) assertThat(responses.has("200")).as(key + " does not answer 200").isFalse();
                checked.add(key);
            }
        }
        assertThat(checked).contains("POST /api/v1/cases", "POST /api/v1/cases/{caseId}/acts", "GET /api/v1/deadlines",
                "POST /api/v1/admin/projections/replay");
    }

    @Test
    void theDocumentedCreationStatusIsTheRealOne() {
        ApiClient.Answer opened = new ApiClient(port).post("ccapex", "/api/v1/cases", ApiClient.opening("2024-01-10"));
        assertThat(String.valueOf(opened.status())).isEqualTo(ErrorsOpenApi.SUCCESS.get("POST /api/v1/cases"));
        ApiClient.Answer act = new ApiClient(port).post("commissaire", "/api/v1/cases/" + opened.text("caseId") + "/acts",
                "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\", \"debtClaimed\": \"2100.00\"}");
        assertThat(String.valueOf(act.status())).isEqualTo(ErrorsOpenApi.SUCCESS.get("POST /api/v1/cases/{caseId}/acts"));
    }

    @Test
    void actSchemasRefuseUnknownFieldsAndCarryTheBounds() {
        JsonNode schemas = docs().path("components").path("schemas");
        JsonNode opening = schemas.path("OpenCaseRequest");
        assertThat(opening.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(opening.path("properties").path("reference").path("maxLength").asInt()).isEqualTo(Limits.REFERENCE);
        assertThat(opening.path("properties").path("debt").path("maximum").decimalValue()).isEqualByComparingTo(Limits.AMOUNT_MAX);
        assertThat(opening.path("properties").path("debt").path("minimum").decimalValue()).isEqualByComparingTo("0");
        assertThat(opening.path("properties").path("openedOn").path("format").asText()).isEqualTo("date");
        assertThat(opening.path("properties").path("openedOn").path("description").asText()).contains("1990-01-01");
        assertThat(opening.path("properties").path("leaseSignedOn").path("format").asText()).isEqualTo("date");
        JsonNode household = schemas.path("Household");
        assertThat(household.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(household.path("properties").path("persons").path("minimum").asInt()).isEqualTo(1);
        assertThat(household.path("properties").path("persons").path("maximum").asInt()).isEqualTo(Limits.PERSONS_MAX);
        assertThat(household.path("properties").path("name").path("maxLength").asInt()).isEqualTo(Limits.NAME);
        assertThat(schemas.path("Landlord").path("properties").path("organisation").path("maxLength").asInt()).isEqualTo(Limits.ORGANISATION);

        JsonNode examined = schemas.path("ActCcapexExamined");
        assertThat(examined.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(examined.path("properties").path("opinion").path("maxLength").asInt()).isEqualTo(Limits.TEXT);
        assertThat(examined.path("properties").path("recommendations").path("maxItems").asInt()).isEqualTo(Limits.RECOMMENDATIONS);
        assertThat(examined.path("properties").path("recommendations").path("items").path("maxLength").asInt()).isEqualTo(Limits.RECOMMENDATION);
        JsonNode judgment = schemas.path("ActJudgmentDelivered").path("properties");
        assertThat(judgment.path("paymentDelayMonths").path("type").asText()).isEqualTo("integer");
        assertThat(judgment.path("paymentDelayMonths").path("maximum").asInt()).isEqualTo(Limits.JUDGMENT_DELAY_MONTHS_MAX);
        JsonNode summons = schemas.path("ActSummonsServed").path("properties");
        assertThat(summons.path("court").path("maxLength").asInt()).isEqualTo(Limits.NAME);
        assertThat(summons.path("hearingOn").path("format").asText()).isEqualTo("date");
        assertThat(schemas.path("Problem").path("properties").has("errors")).isTrue();
    }
}
