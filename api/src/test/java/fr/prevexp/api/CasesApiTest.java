package fr.prevexp.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:cases-api;DB_CLOSE_DELAY=-1")
class CasesApiTest {
    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private String openCase() {
        ApiClient.Answer opened = api.post("ccapex", "/api/v1/cases", ApiClient.opening("2024-01-10"));
        assertThat(opened.status()).isEqualTo(201);
        return opened.text("caseId");
    }

    private String acts(String caseId) {
        return "/api/v1/cases/" + caseId + "/acts";
    }

    @Test
    void opensACaseAndRecordsAPaymentOrder() {
        ApiClient.Answer opened = api.post("ccapex", "/api/v1/cases", ApiClient.opening("2024-01-10"));
        assertThat(opened.status()).isEqualTo(201);
        String caseId = opened.text("caseId");
        assertThat(opened.location()).isEqualTo("/api/v1/cases/" + caseId);
        assertThat(opened.text("stage")).isEqualTo("PRE_LITIGATION");
        assertThat(opened.text("parc")).isEqualTo("PRIVATE");
        assertThat(opened.text("territory")).isEqualTo("93066");
        assertThat(opened.body().path("deadlines").isArray()).isTrue();

        ApiClient.Answer recorded = api.post("commissaire", acts(caseId),
                "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\", \"debtClaimed\": \"2100.00\"}");
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.text("type")).isEqualTo("PaymentOrderServed");
        assertThat(recorded.text("label")).isEqualTo("commandement de payer signifié");
        assertThat(recorded.text("occurredOn")).isEqualTo("2024-02-01");
        assertThat(recorded.body().path("recordedBy").path("trade").asText()).isEqualTo("COMMISSAIRE");
        assertThat(recorded.body().path("recordedBy").path("user").asText()).isEqualTo("commissaire");
        assertThat(recorded.body().path("fields").path("debtClaimed").decimalValue()).isEqualByComparingTo("2100.00");

        ApiClient.Answer view = api.get("ccapex", "/api/v1/cases/" + caseId);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.text("stage")).isEqualTo("PAYMENT_ORDER");
        assertThat(view.body().path("debt").decimalValue()).isEqualByComparingTo("2100.00");
        assertThat(view.body().path("recentActs").get(0).path("type").asText()).isEqualTo("PaymentOrderServed");
    }

    @Test
    void anActTheStageDoesNotAllowIsA409WithTheStageAndChangesNothing() {
        String caseId = openCase();
        ApiClient.Answer refused = api.post("commissaire", acts(caseId), "{\"type\": \"NoticeToQuitServed\", \"occurredOn\": \"2024-02-02\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("stage")).isEqualTo("PRE_LITIGATION");
        assertThat(refused.text("detail")).contains("jugement");
        assertThat(history(caseId).size()).isEqualTo(1);
    }

    @Test
    void invalidFieldsAre422WithTheFieldsAndUnreadableJsonIs400() {
        String caseId = openCase();
        ApiClient.Answer badDate = api.post("commissaire", acts(caseId),
                "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-02-02\", \"hearingOn\": \"soon\"}");
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.contentType()).startsWith("application/problem+json");
        assertThat(badDate.body().path("errors").get(0).path("field").asText()).isEqualTo("hearingOn");

        ApiClient.Answer missing = api.post("commissaire", acts(caseId), "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-02-02\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body().path("errors").get(0).path("field").asText()).isEqualTo("hearingOn");

        ApiClient.Answer unknownField = api.post("commissaire", acts(caseId),
                "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-02\", \"debtClamed\": 10}");
        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(unknownField.body().path("errors").get(0).path("field").asText()).isEqualTo("debtClamed");

        ApiClient.Answer unknownType = api.post("commissaire", acts(caseId), "{\"type\": \"Teleportation\", \"occurredOn\": \"2024-02-02\"}");
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(unknownType.body().path("errors").get(0).path("field").asText()).isEqualTo("type");

        ApiClient.Answer future = api.post("commissaire", acts(caseId), "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2999-01-01\"}");
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body().path("errors").get(0).path("field").asText()).isEqualTo("occurredOn");

        ApiClient.Answer badOpening = api.post("ccapex", "/api/v1/cases", "{\"openedOn\": \"2024-01-10\", \"parc\": \"SOCIAL\"}");
        assertThat(badOpening.status()).isEqualTo(422);
        assertThat(badOpening.body().path("errors").get(0).path("field").asText()).isEqualTo("parc");

        ApiClient.Answer unreadable = api.post("commissaire", acts(caseId), "{\"type\": ");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.contentType()).startsWith("application/problem+json");

        assertThat(history(caseId).size()).isEqualTo(1);
    }

    @Test
    void moneyIsEurosWithTwoDecimals() {
        String caseId = openCase();
        ApiClient.Answer recorded = api.post("commissaire", acts(caseId), "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\", \"debtClaimed\": 2100.5}");
        assertThat(recorded.body().path("fields").path("debtClaimed").decimalValue()).isEqualTo(new java.math.BigDecimal("2100.50"));
        ApiClient.Answer fraction = api.post("commissaire", acts(caseId), "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\", \"debtClaimed\": 2100.555}");
        assertThat(fraction.status()).isEqualTo(422);
        assertThat(fraction.body().path("errors").get(0).path("field").asText()).isEqualTo("debtClaimed");
    }

    @Test
    void axonsUpdateCheckerIsOff(@org.springframework.beans.factory.annotation.Autowired org.springframework.core.env.Environment env) {
        assertThat(env.getProperty("axon.update-check.disabled", Boolean.class)).isTrue();
        assertThat(env.getProperty("axon.axonserver.enabled", Boolean.class)).isFalse();
        assertThat(org.springframework.util.ClassUtils.isPresent("org.axonframework.axonserver.connector.AxonServerConfiguration", null))
                .as("the Axon Server connector is excluded").isFalse();
    }

    @Test
    void unknownDossierIs404() {
        ApiClient.Answer answer = api.post("commissaire", acts("no-such-case"), "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-02\"}");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(api.get("ccapex", "/api/v1/cases/no-such-case").status()).isEqualTo(404);
    }

    @Test
    void wrongPasswordIs401AndWrongRoleIs403() {
        String caseId = openCase();
        ApiClient.Answer wrongPassword = api.post("ccapex", "nope", acts(caseId), "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-02\"}", null);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
        assertThat(api.get(null, "/api/v1/cases").status()).isEqualTo(401);

        ApiClient.Answer cafServesSummons = api.post("caf", acts(caseId),
                "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-02-02\", \"hearingOn\": \"2024-05-02\"}");
        assertThat(cafServesSummons.status()).isEqualTo(403);
        assertThat(cafServesSummons.contentType()).startsWith("application/problem+json");

        ApiClient.Answer auditorWrites = api.post("auditor", acts(caseId), "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-02\"}");
        assertThat(auditorWrites.status()).isEqualTo(403);
        ApiClient.Answer partnerTimer = api.post("commissaire", acts(caseId),
                "{\"type\": \"DeadlineElapsed\", \"occurredOn\": \"2024-02-02\", \"kind\": \"PAYMENT_ORDER_DELAY\"}");
        assertThat(partnerTimer.status()).isEqualTo(403);
        assertThat(history(caseId).size()).isEqualTo(1);
    }

    @Test
    void partnersSeeOnlyTheDossiersTheyArePartyTo() {
        // Named at opening: none but the landlord. (Before issue 7, recording an act made a partner party.)
        String caseId = api.post("ccapex", "/api/v1/cases", ApiClient.openingNaming("2024-01-10")).text("caseId");
        assertThat(api.get("auditor", "/api/v1/cases/" + caseId).status()).isEqualTo(200);
        assertThat(api.get("prefecture", "/api/v1/cases/" + caseId).status()).isEqualTo(200);
        assertThat(api.get("bailleur", "/api/v1/cases/" + caseId).status()).as("landlord named at opening").isEqualTo(200);
        assertThat(api.get("commissaire", "/api/v1/cases/" + caseId).status()).isEqualTo(404);
        assertThat(api.post("commissaire", acts(caseId), "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-02\"}").status())
                .as("writing to a dossier it may not read is answered as for an unknown dossier").isEqualTo(404);
        assertThat(api.post("ccapex", acts(caseId),
                "{\"type\": \"PartnerDesignated\", \"occurredOn\": \"2024-01-11\", \"organisation\": \"demo-commissaire\"}").status())
                .isEqualTo(201);
        assertThat(api.get("commissaire", "/api/v1/cases/" + caseId).status()).as("party once designated by the secretariat").isEqualTo(200);
        assertThat(api.post("commissaire", acts(caseId), "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-02\"}").status())
                .isEqualTo(201);
        assertThat(api.get("comed", "/api/v1/cases/" + caseId + "/history").status()).isEqualTo(404);
    }

    @Test
    void theSameIdempotencyKeyRecordsOnceAndAnotherBodyIsAConflict() {
        String caseId = openCase();
        String body = "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\", \"debtClaimed\": 2100}";
        ApiClient.Answer first = api.post("commissaire", "commissaire", acts(caseId), body, "cdp-2024-0001");
        ApiClient.Answer again = api.post("commissaire", "commissaire", acts(caseId), body, "cdp-2024-0001");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().path("sequence").asLong()).isEqualTo(first.body().path("sequence").asLong());
        assertThat(again.body().path("replayed").asBoolean()).isTrue();
        assertThat(first.body().path("replayed").asBoolean()).isFalse();
        assertThat(history(caseId).size()).isEqualTo(2);

        ApiClient.Answer other = api.post("commissaire", "commissaire", acts(caseId),
                "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-03\"}", "cdp-2024-0001");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(history(caseId).size()).isEqualTo(2);

        ApiClient.Answer opened = api.post("caf", "caf", "/api/v1/cases", ApiClient.opening("2024-03-01"), "caf-signal-77");
        ApiClient.Answer reopened = api.post("caf", "caf", "/api/v1/cases", ApiClient.opening("2024-03-01"), "caf-signal-77");
        assertThat(opened.status()).isEqualTo(201);
        assertThat(reopened.status()).isEqualTo(201);
        assertThat(reopened.text("caseId")).isEqualTo(opened.text("caseId"));
        assertThat(history(opened.text("caseId")).size()).isEqualTo(1);
        assertThat(api.post("caf", "caf", "/api/v1/cases", ApiClient.opening("2024-03-02"), "caf-signal-77").status()).isEqualTo(409);
    }

    @Test
    void anotherOrganisationsIdenticalKeyIsAnotherRequest() {
        String caseId = openCase();
        String key = "impaye-2024-01";
        ApiClient.Answer landlord = api.post("bailleur", "bailleur", acts(caseId),
                "{\"type\": \"UnpaidRentReported\", \"occurredOn\": \"2024-01-20\", \"amount\": \"1300.00\"}", key);
        ApiClient.Answer caf = api.post("caf", "caf", acts(caseId),
                "{\"type\": \"UnpaidRentReported\", \"occurredOn\": \"2024-01-22\", \"amount\": \"1450.00\"}", key);
        assertThat(landlord.status()).isEqualTo(201);
        assertThat(caf.status()).isEqualTo(201);
        assertThat(caf.body().path("replayed").asBoolean()).isFalse();
        assertThat(caf.body().path("recordedBy").path("trade").asText()).isEqualTo("CAF");
        assertThat(caf.body().path("sequence").asLong()).isNotEqualTo(landlord.body().path("sequence").asLong());
        assertThat(history(caseId).size()).isEqualTo(3);
        // Each organisation's re-send still answers its own act.
        ApiClient.Answer cafAgain = api.post("caf", "caf", acts(caseId),
                "{\"type\": \"UnpaidRentReported\", \"occurredOn\": \"2024-01-22\", \"amount\": \"1450.00\"}", key);
        assertThat(cafAgain.body().path("replayed").asBoolean()).isTrue();
        assertThat(cafAgain.body().path("sequence").asLong()).isEqualTo(caf.body().path("sequence").asLong());
        assertThat(history(caseId).size()).isEqualTo(3);
    }

    @Test
    void historyGivesEveryEventAndTheCaseAsItStoodOnADate() {
        String caseId = openCase();
        api.post("commissaire", acts(caseId), "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\"}");
        api.post("commissaire", acts(caseId), "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-04-02\", \"hearingOn\": \"2024-06-20\"}");
        ApiClient.Answer history = api.get("auditor", "/api/v1/cases/" + caseId + "/history?asOf=2024-03-01");
        assertThat(history.status()).isEqualTo(200);
        java.util.List<JsonNode> acts = ApiClient.partnerActs(history.body().path("events"));
        assertThat(acts).hasSize(3);
        assertThat(acts.get(2).path("type").asText()).isEqualTo("SummonsServed");
        assertThat(acts.get(2).path("fields").path("hearingOn").asText()).isEqualTo("2024-06-20");
        assertThat(history.body().path("caseAsOf").path("stage").asText()).isEqualTo("PAYMENT_ORDER");
        assertThat(api.get("auditor", "/api/v1/cases/" + caseId + "/history?asOf=2024-13-01").status()).isEqualTo(400);
    }

    @Test
    void aLateButRealActIsRecordedAndFlagged() {
        String caseId = openCase();
        api.post("commissaire", acts(caseId), "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\"}");
        ApiClient.Answer summons = api.post("commissaire", acts(caseId),
                "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-01-20\", \"hearingOn\": \"2024-05-20\"}");
        assertThat(summons.status()).isEqualTo(201);
        assertThat(summons.body().path("irregularities").get(0).path("fields").path("code").asText())
                .isEqualTo("ACT_DATED_BEFORE_PREREQUISITE");
        assertThat(api.get("ccapex", "/api/v1/cases/" + caseId).body().path("irregularities").get(0).path("code").asText())
                .isEqualTo("ACT_DATED_BEFORE_PREREQUISITE");
    }

    @Test
    void anActDatedBeforeTheCurrentStageIsPlacedAtItsDateInTheViewAndTheList() {
        String caseId = openCase();
        for (String act : java.util.List.of(
                "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\"}",
                "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-03-15\", \"hearingOn\": \"2024-06-20\"}",
                "{\"type\": \"HearingHeld\", \"occurredOn\": \"2024-06-20\", \"tenantPresent\": true}",
                "{\"type\": \"JudgmentDelivered\", \"occurredOn\": \"2024-07-04\", \"outcome\": \"TERMINATION\"}",
                "{\"type\": \"NoticeToQuitServed\", \"occurredOn\": \"2024-08-20\"}",
                "{\"type\": \"KeysReturned\", \"occurredOn\": \"2024-12-01\"}")) {
            assertThat(api.post("commissaire", acts(caseId), act).status()).as(act).isEqualTo(201);
        }
        // The police request, recorded after the departure but dated before it, takes its place by its legal date.
        ApiClient.Answer request = api.post("commissaire", acts(caseId), "{\"type\": \"PoliceAssistanceRequested\", \"occurredOn\": \"2024-10-21\"}");
        assertThat(request.status()).as(request.body().toString()).isEqualTo(201);
        assertThat(api.get("ccapex", "/api/v1/cases/" + caseId).text("stage")).isEqualTo("LEFT");
        // An order to leave dated before any judgment has no place in the procedure: 409 with the stage at its date.
        ApiClient.Answer early = api.post("commissaire", acts(caseId), "{\"type\": \"NoticeToQuitServed\", \"occurredOn\": \"2024-05-02\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("stage")).isEqualTo("SUMMONS");
        assertThat(history(caseId)).hasSize(8);
        // The case list shows the same stage as the view.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode found = null;
            for (JsonNode item : api.get("ccapex", "/api/v1/cases?territory=93066&size=200").body().path("items")) {
                if (item.path("caseId").asText().equals(caseId)) found = item;
            }
            assertThat(found).isNotNull();
            assertThat(found.path("lastActType").asText()).isEqualTo("PoliceAssistanceRequested");
            assertThat(found.path("stage").asText()).isEqualTo("LEFT");
        });
    }

    @Test
    void theCaseListIsFilteredAndPaged() throws InterruptedException {
        String caseId = openCase();
        JsonNode found = null;
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (found == null && Instant.now().isBefore(until)) {
            for (JsonNode item : api.get("ccapex", "/api/v1/cases?territory=93066&parc=PRIVATE&size=200").body().path("items")) {
                if (item.path("caseId").asText().equals(caseId)) found = item;
            }
            if (found == null) Thread.sleep(100);
        }
        assertThat(found).as("the case list catches up with the log").isNotNull();
        assertThat(found.path("stage").asText()).isEqualTo("PRE_LITIGATION");
        assertThat(api.get("ccapex", "/api/v1/cases?territory=13055").body().path("items")).isEmpty();
        assertThat(api.get("ccapex", "/api/v1/cases?stage=NOWHERE").status()).isEqualTo(400);
        assertThat(api.get("ccapex", "/api/v1/cases?size=0").status()).isEqualTo(400);
        assertThat(api.get("comed", "/api/v1/cases?size=200").body().path("items")).isEmpty();
    }

    @Test
    void theOpenApiDocumentNamesEveryActWithItsFrenchTerm() {
        ApiClient.Answer docs = api.get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode schemas = docs.body().path("components").path("schemas");
        assertThat(schemas.path("ActPaymentOrderServed").path("description").asText()).contains("commandement de payer");
        assertThat(schemas.path("ActNoticeToQuitServed").path("description").asText()).contains("commandement de quitter les lieux");
        assertThat(schemas.path("OpenCaseRequest").path("properties").has("openedOn")).isTrue();
    }

    /** The partner acts of a dossier's history. */
    private java.util.List<JsonNode> history(String caseId) {
        return ApiClient.partnerActs(api.get("ccapex", "/api/v1/cases/" + caseId + "/history").body().path("events"));
    }
}
