package fr.prevexp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A partner system talking HTTP to a running application, as in the README's tour. */
public final class ApiClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Answer(int status, String contentType, JsonNode body, String location) {
        public String text(String field) {
            return body.path(field).asText();
        }
    }

    public Answer get(String login, String path) {
        return getAs(login, login, path);
    }

    public Answer getAs(String login, String password, String path) {
        return send(login, password, HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
    }

    public Answer post(String login, String path, String body) {
        return post(login, login, path, body, null);
    }

    public Answer post(String login, String password, String path, String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
        return send(login, password, request, null);
    }

    public Answer delete(String login, String path) {
        return send(login, login, HttpRequest.newBuilder(URI.create(base + path)).DELETE(), null);
    }

    private Answer send(String login, String password, HttpRequest.Builder request, Void unused) {
        if (login != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The events of a history recorded by partners, without the procedure's own (deadlines, which it writes on its own time). */
    public static java.util.List<JsonNode> partnerActs(JsonNode events) {
        java.util.List<JsonNode> acts = new java.util.ArrayList<>();
        for (JsonNode e : events) {
            if (!e.path("recordedBy").path("trade").asText().equals("PROCEDURE")) acts.add(e);
        }
        return acts;
    }

    /** The demo partners' organisations that record acts on others' dossiers in the tests (not the COMED's: the outsider). */
    public static final java.util.List<String> DEMO_PARTNERS = java.util.List.of("demo-commissaire", "demo-caf", "demo-service-social",
            "demo-banque-de-france", "demo-siao");

    /**
     * A realistic opening of a private-parc dossier in Saint-Denis (93066), landlord {@code demo-bailleur},
     * naming the demo partners as parties ({@link #DEMO_PARTNERS}).
     */
    public static String opening(String openedOn) {
        return openingNaming(openedOn, DEMO_PARTNERS.toArray(String[]::new));
    }

    /** The same opening naming these partner organisations as parties (none: only the opener and the landlord are party). */
    public static String openingNaming(String openedOn, String... partners) {
        String named = java.util.Arrays.stream(partners).map(p -> "\"" + p + "\"").collect(java.util.stream.Collectors.joining(", "));
        return """
                {"openedOn": "%s", "source": "CAF", "parc": "PRIVATE", "territory": "93066",
                 "leaseSignedOn": "2019-05-01",
                 "household": {"name": "Famille Martin", "persons": 3},
                 "landlord": {"kind": "PRIVATE_PERSON", "name": "M. Dupont", "organisation": "demo-bailleur"},
                 "monthlyRent": "650.00", "monthlyCharges": "80.00", "debt": "1950.00"%s}
                """.formatted(openedOn, partners.length == 0 ? "" : ", \"partners\": [" + named + "]");
    }
}
