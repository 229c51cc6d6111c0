package fr.prevexp.api.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import fr.prevexp.api.ApiClient;
import fr.prevexp.api.PrevexpApplication;
import fr.prevexp.projections.replay.ProjectionReplay;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crypto-shredding, minimisation, the journal of consultations and the retention, on a real H2 file:
 * a dossier whose household has a name found nowhere else is written, read by several roles, erased,
 * read again (view, history, {@code asOf}, after a restart and a replay), and the database's files
 * are searched for the name's bytes.
 */
class PersonalDataTest {
    @TempDir
    Path dir;

    /** The application's one clock, moved by the test (the retention counts years after the closure). */
    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            Instant fixed = now.get();
            return fixed == null ? Instant.now() : fixed;
        }
    }

    final MovableClock clock = new MovableClock();

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("prevexp") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PrevexpApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run("--server.port=0", "--spring.datasource.url=" + url(), "--prevexp.personal-data.retention=P5Y");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    static String uniqueName() {
        return "Zq" + HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8).putLong(ThreadLocalRandom.current().nextLong()).array());
    }

    static String opening(String name, String landlord) {
        return """
                {"openedOn": "2024-01-10", "source": "CAF", "parc": "PRIVATE", "territory": "93066", "leaseSignedOn": "2019-05-01",
                 "household": {"name": "Famille %s", "address": "12 rue %s, Saint-Denis", "phone": "0601020304", "persons": 3},
                 "landlord": {"kind": "PRIVATE_PERSON", "name": "M. %s", "organisation": "demo-bailleur"},
                 "partners": ["demo-commissaire", "demo-siao", "demo-caf"],
                 "monthlyRent": "650.00", "monthlyCharges": "80.00", "debt": "1950.00"}""".formatted(name, name, landlord);
    }

    /** Waits until the procedure has nothing due and every projection has read the whole log, twice in a row. */
    static void awaitCaughtUp(ConfigurableApplicationContext context) throws InterruptedException {
        ProjectionReplay replay = context.getBean(ProjectionReplay.class);
        ManagementService jobs = context.getBean(ManagementService.class);
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        int quiet = 0;
        while (quiet < 2) {
            assertThat(Instant.now()).as("projections catch up with the log").isBefore(until);
            boolean settled = replay.done() && jobs.createJobQuery().executable().count() == 0;
            quiet = settled ? quiet + 1 : 0;
            Thread.sleep(300);
        }
    }

    private static Map<String, JsonNode> indicators(ApiClient api) {
        return Map.of("2024", api.get("ccapex", "/api/v1/indicators?year=2024").body(),
                "2026", api.get("ccapex", "/api/v1/indicators?year=2026").body(),
                "2024-93066", api.get("ccapex", "/api/v1/indicators?year=2024&territory=93066&parc=PRIVATE").body());
    }

    @Test
    void erasureLeavesNoNameAnywhereAndMovesNothingElse() throws Exception {
        String name = uniqueName(), landlord = uniqueName(), opinion = uniqueName();
        String legacyName = uniqueName();
        String caseId, retained, legacy;
        Map<String, JsonNode> indicatorsBefore;
        JsonNode viewBefore;
        try (ConfigurableApplicationContext app = start()) {
            ApiClient api = client(app);
            caseId = api.post("ccapex", "/api/v1/cases", opening(name, landlord)).text("caseId");
            String acts = "/api/v1/cases/" + caseId + "/acts";
            assertThat(api.post("commissaire", acts, "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\", \"debtClaimed\": \"2100.00\"}").status()).isEqualTo(201);
            assertThat(api.post("ccapex", acts, "{\"type\": \"CcapexExamined\", \"occurredOn\": \"2024-03-05\", \"opinion\": \"La famille "
                    + opinion + " demande un FSL\", \"recommendations\": [\"Voir " + opinion + "\"]}").status()).isEqualTo(201);
            assertThat(api.post("commissaire", acts, "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-04-02\", \"hearingOn\": \"2024-06-20\"}").status()).isEqualTo(201);
            // A second dossier, closed: the retention's
            retained = api.post("ccapex", "/api/v1/cases", opening(uniqueName(), uniqueName())).text("caseId");
            assertThat(api.post("ccapex", "/api/v1/cases/" + retained + "/acts",
                    "{\"type\": \"CaseClosed\", \"occurredOn\": \"2024-06-01\", \"outcome\": \"DEBT_CLEARED\"}").status()).isEqualTo(201);
            awaitCaughtUp(app);

            // Encrypted at write time: the name was never written to the database's files in clear.
            assertThat(H2Files.containing(dir, name)).isEmpty();
            assertThat(H2Files.containing(dir, opinion)).isEmpty();
            assertThat(H2Files.containing(dir, landlord)).isEmpty();
            // ...nor to Camunda, whose variables hold ids, dates and codes only.
            List<HistoricVariableInstance> variables = app.getBean(HistoryService.class).createHistoricVariableInstanceQuery().list();
            assertThat(variables).isNotEmpty();
            assertThat(variables).allSatisfy(v -> assertThat(String.valueOf(v.getValue())).doesNotContain(name).doesNotContain(landlord));

            // Read back in clear by who needs it (minimisation: each role its fields)
            viewBefore = api.get("ccapex", "/api/v1/cases/" + caseId).body();
            assertThat(viewBefore.path("household").path("name").asText()).isEqualTo("Famille " + name);
            assertThat(viewBefore.path("household").path("phone").asText()).isEqualTo("0601020304");
            JsonNode siao = api.get("siao", "/api/v1/cases/" + caseId).body();
            assertThat(siao.path("household").path("phone").asText()).isEqualTo("0601020304");
            assertThat(siao.path("landlord").has("name")).isFalse();
            JsonNode commissaire = api.get("commissaire", "/api/v1/cases/" + caseId).body();
            assertThat(commissaire.path("household").path("name").asText()).isEqualTo("Famille " + name);
            assertThat(commissaire.path("household").has("phone")).isFalse();
            assertThat(commissaire.path("household").path("persons").asInt()).isEqualTo(3);
            ApiClient.Answer auditorHistory = api.get("auditor", "/api/v1/cases/" + caseId + "/history?asOf=2024-03-31");
            assertThat(auditorHistory.body().toString()).doesNotContain(name).doesNotContain(opinion).doesNotContain(landlord);
            assertThat(auditorHistory.body().path("caseAsOf").path("household").path("persons").asInt()).isEqualTo(3);
            assertThat(api.get("caf", "/api/v1/cases/" + caseId + "/history").body().toString())
                    .contains(name).doesNotContain(opinion).doesNotContain("0601020304");
            assertThat(api.get("prefecture", "/api/v1/cases/" + caseId + "/history").body().toString()).contains(opinion);

            // The journal of consultations lists the préfecture's reading, to the secretariat and auditors only
            ApiClient.Answer log = api.get("auditor", "/api/v1/cases/" + caseId + "/access-log");
            assertThat(log.status()).isEqualTo(200);
            JsonNode prefectureRead = null;
            for (JsonNode e : log.body().path("items")) if (e.path("role").asText().equals("PREFECTURE")) prefectureRead = e;
            assertThat(prefectureRead).isNotNull();
            assertThat(prefectureRead.path("organisation").asText()).isEqualTo("demo-prefecture");
            assertThat(prefectureRead.path("what").asText()).isEqualTo("historique");
            assertThat(prefectureRead.path("personalData").toString()).contains("IDENTITY").doesNotContain("CONTACT");
            assertThat(log.body().path("totalItems").asInt()).isEqualTo(6); // the six readings above
            assertThat(api.get("prefecture", "/api/v1/cases/" + caseId + "/access-log").status()).isEqualTo(403);
            assertThat(api.get("auditor", "/api/v1/cases/00000000-0000-0000-0000-000000000000/access-log").status()).isEqualTo(404);

            indicatorsBefore = indicators(api);

            // Erasure: the secretariat only; problem+json in French otherwise
            ApiClient.Answer refused = api.delete("prefecture", "/api/v1/cases/" + caseId + "/personal-data");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("detail")).contains("secrétariat");
            assertThat(api.delete("auditor", "/api/v1/cases/" + caseId + "/personal-data").status()).isEqualTo(403);
            assertThat(api.delete("ccapex", "/api/v1/cases/00000000-0000-0000-0000-000000000000/personal-data").status()).isEqualTo(404);
            // Nor can it be posted as an act (which would not delete the key)
            ApiClient.Answer posted = api.post("ccapex", "/api/v1/cases/" + caseId + "/acts",
                    "{\"type\": \"PersonalDataErased\", \"occurredOn\": \"2024-05-01\", \"ground\": \"REQUEST\"}");
            assertThat(posted.status()).isEqualTo(422);
            assertThat(posted.body().path("errors").get(0).path("reason").asText()).contains("DELETE /api/v1/cases/{caseId}/personal-data");
            ApiClient.Answer erased = api.delete("ccapex", "/api/v1/cases/" + caseId + "/personal-data");
            assertThat(erased.status()).isEqualTo(200);
            assertThat(erased.body().path("alreadyErased").asBoolean()).isFalse();
            assertThat(api.delete("ccapex", "/api/v1/cases/" + caseId + "/personal-data").body().path("alreadyErased").asBoolean()).isTrue();
            awaitCaughtUp(app);

            JsonNode viewAfter = api.get("ccapex", "/api/v1/cases/" + caseId).body();
            assertThat(viewAfter.path("household").path("name").asText()).isEqualTo("[effacé]");
            assertThat(viewAfter.path("household").path("address").asText()).isEqualTo("[effacé]");
            assertThat(viewAfter.path("landlord").path("name").asText()).isEqualTo("[effacé]");
            // Everything else as it was: stage, debt, deadlines, irregularities
            for (String field : List.of("stage", "debt", "hearingOn", "deadlines", "irregularities", "parc", "territory", "monthlyRent")) {
                assertThat(viewAfter.path(field)).as(field).isEqualTo(viewBefore.path(field));
            }
            JsonNode history = api.get("ccapex", "/api/v1/cases/" + caseId + "/history?asOf=2024-03-31").body();
            assertThat(history.toString()).doesNotContain(name).doesNotContain(opinion).doesNotContain(landlord);
            assertThat(history.path("caseAsOf").path("household").path("name").asText()).isEqualTo("[effacé]");
            List<JsonNode> erasures = history.path("events").findParents("type").stream()
                    .filter(e -> e.path("type").asText().equals("PersonalDataErased")).toList();
            assertThat(erasures).hasSize(1);
            assertThat(erasures.get(0).path("label").asText()).isEqualTo("données personnelles effacées");
            assertThat(indicators(api)).isEqualTo(indicatorsBefore);
            assertThat(app.getBean(JdbcTemplate.class).queryForObject(
                    "select stage from rm_case_summary where case_id = ?", String.class, caseId)).isEqualTo("SUMMONS");

            // Retention: the closed dossier is due 5 years after its closure (dry run first, then the job)
            ApiClient.Answer dryRun = api.get("ccapex", "/api/v1/admin/personal-data/retention?day=2029-05-31");
            assertThat(dryRun.body().path("due").findValuesAsText("caseId")).doesNotContain(retained);
            dryRun = api.get("ccapex", "/api/v1/admin/personal-data/retention?day=2029-06-01");
            assertThat(dryRun.body().path("due").findValuesAsText("caseId")).contains(retained).doesNotContain(caseId);
            assertThat(api.get("prefecture", "/api/v1/admin/personal-data/retention").status()).isEqualTo(403);
            PersonalDataRetention retention = app.getBean(PersonalDataRetention.class);
            assertThat(retention.apply()).extracting(PersonalDataRetention.Due::caseId).doesNotContain(retained);
            clock.now.set(Instant.parse("2029-06-02T10:00:00Z"));
            try {
                assertThat(retention.apply()).extracting(PersonalDataRetention.Due::caseId).contains(retained);
                assertThat(retention.due(retention.today())).extracting(PersonalDataRetention.Due::caseId).doesNotContain(retained);
            } finally {
                clock.now.set(null);
            }
            JsonNode retainedHistory = api.get("ccapex", "/api/v1/cases/" + retained + "/history").body();
            assertThat(retainedHistory.path("events").findValuesAsText("type")).contains("PersonalDataErased");
            assertThat(retainedHistory.toString()).contains("RETENTION_ELAPSED").contains("2029-06-02");
            assertThat(api.get("ccapex", "/api/v1/cases/" + retained).body().path("stage").asText()).isEqualTo("CLOSED");

            // Migration: a dossier as the previous version stored it (clear text, no key), then the new code starts
            legacy = api.post("ccapex", "/api/v1/cases", opening(legacyName, uniqueName())).text("caseId");
            writeAsThePreviousVersion(app, legacy);
            assertThat(api.get("ccapex", "/api/v1/cases/" + legacy).body().path("household").path("name").asText())
                    .as("the reader takes clear text").isEqualTo("Famille " + legacyName);
        }
        assertThat(H2Files.containing(dir, legacyName)).as("the previous version's format holds the name in clear").isNotEmpty();

        // After a restart and a replay of every read model: still erased, indicators still the same
        try (ConfigurableApplicationContext app = start()) {
            ApiClient api = client(app);
            assertThat(api.get("ccapex", "/api/v1/cases/" + caseId).body().path("household").path("name").asText()).isEqualTo("[effacé]");
            assertThat(api.post("ccapex", "/api/v1/admin/projections/replay", "{}").status()).isEqualTo(202);
            awaitCaughtUp(app);
            assertThat(indicators(api)).isEqualTo(indicatorsBefore);
            assertThat(api.get("ccapex", "/api/v1/cases/" + caseId + "/history").body().toString()).doesNotContain(name);
            // The start encrypted the legacy dossier's personal data: still readable, no longer clear in the store
            assertThat(api.get("ccapex", "/api/v1/cases/" + legacy).body().path("household").path("name").asText())
                    .isEqualTo("Famille " + legacyName);
            byte[] stored = app.getBean(JdbcTemplate.class).queryForObject(
                    "select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = 0", byte[].class, legacy);
            assertThat(new String(stored, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(legacyName).contains("\"pd1:");
            JsonNode again = api.post("ccapex", "/api/v1/admin/personal-data/encrypt", "{}").body();
            assertThat(again.path("eventsEncrypted").asLong()).isZero();
        }
        H2Files.compact(url());
        assertThat(H2Files.files(dir)).isNotEmpty();
        assertThat(H2Files.containing(dir, name)).isEmpty();
        assertThat(H2Files.containing(dir, opinion)).isEmpty();
        // Not erased, but migrated: its clear text went with the compaction of the pages the migration replaced
        assertThat(H2Files.containing(dir, legacyName)).isEmpty();
    }

    /**
     * Stores the dossier's opening as the version before crypto-shredding did: its payload written by
     * Axon's Jackson serializer alone (the name in clear), no key, and no migration done yet.
     */
    private static void writeAsThePreviousVersion(ConfigurableApplicationContext app, String caseId) {
        PersonalDataSerializer serializer = app.getBean("eventSerializer", PersonalDataSerializer.class);
        Object opened = app.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class).readEvents(caseId).next().getPayload();
        byte[] clear = serializer.delegate().serialize(opened, byte[].class).getData();
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        assertThat(jdbc.update("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 0", clear, caseId)).isEqualTo(1);
        jdbc.update("delete from personal_data_key where case_id = ?", caseId);
        jdbc.update("delete from personal_data_migration");
    }
}
