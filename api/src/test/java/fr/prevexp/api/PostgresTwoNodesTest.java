package fr.prevexp.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The production profile on PostgreSQL, with two identical nodes on one database: an act recorded
 * on one node is seen by the other, and the case list (a tracking processor sharing its token
 * store) is built once for both. Skipped when no PostgreSQL answers on 127.0.0.1:5432 within 2 s.
 */
class PostgresTwoNodesTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private String database;

    @BeforeEach
    void createDatabase() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 2000);
        } catch (java.io.IOException e) {
            assumeTrue(false, "PostgreSQL is not reachable on 127.0.0.1:5432: " + e.getMessage());
        }
        database = "prevexp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres?connectTimeout=5", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (database == null) return;
        try (Connection c = DriverManager.getConnection(SERVER + "postgres?connectTimeout=5", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        }
    }

    private ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(PrevexpApplication.class).profiles("postgres").run(
                "--server.port=0", "--PREVEXP_DB_URL=" + SERVER + database, "--camunda.bpm.process-engine-name=" + name,
                "--PREVEXP_CAMUNDA_ADMIN_PASSWORD=test-admin",
                "--prevexp.security.accounts[0].login=secretariat", "--prevexp.security.accounts[0].password={noop}s3cret",
                "--prevexp.security.accounts[0].role=CCAPEX",
                "--prevexp.security.accounts[1].login=etude-durand", "--prevexp.security.accounts[1].password={noop}huissier",
                "--prevexp.security.accounts[1].role=COMMISSAIRE", "--prevexp.security.accounts[1].organisation=etude-durand-93");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void twoNodesShareOneDatabase() throws Exception {
        try (ConfigurableApplicationContext a = node("nodeA"); ConfigurableApplicationContext b = node("nodeB")) {
            ApiClient nodeA = client(a);
            ApiClient nodeB = client(b);
            assertThat(nodeA.get("ccapex", "/api/v1/cases").status()).as("no demo accounts in production").isEqualTo(401);

            ApiClient.Answer opened = nodeA.post("secretariat", "s3cret", "/api/v1/cases", ApiClient.openingNaming("2024-01-10", "etude-durand-93"), null);
            assertThat(opened.status()).isEqualTo(201);
            String caseId = opened.text("caseId");
            ApiClient.Answer recorded = nodeB.post("etude-durand", "huissier", "/api/v1/cases/" + caseId + "/acts",
                    "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\"}", "cdp-1");
            assertThat(recorded.status()).isEqualTo(201);
            assertThat(recorded.body().path("recordedBy").path("organisation").asText()).isEqualTo("etude-durand-93");
            // The same key on the other node is the same act: idempotency lives in the dossier's stream.
            assertThat(nodeA.post("etude-durand", "huissier", "/api/v1/cases/" + caseId + "/acts",
                    "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\"}", "cdp-1").body().path("replayed").asBoolean()).isTrue();

            JsonNode item = null;
            Instant until = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(until)) {
                JsonNode list = getWith(nodeA, "/api/v1/cases").path("items");
                if (list.size() == 1 && list.get(0).path("stage").asText().equals("PAYMENT_ORDER")) {
                    item = list.get(0);
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(item).as("the case list on node A follows an act recorded on node B").isNotNull();
            assertThat(getWith(nodeB, "/api/v1/cases").path("items")).hasSize(1);
            assertThat(ApiClient.partnerActs(getWith(nodeB, "/api/v1/cases/" + caseId + "/history").path("events"))).hasSize(2);

            // A dossier the read models cannot store (written before the API checked amounts) is parked; the other goes on.
            String bad = UUID.randomUUID().toString();
            DeadLettersTest.storeDirectly(a.getBean(org.axonframework.eventsourcing.eventstore.EventStore.class),
                    a.getBean(org.springframework.transaction.support.TransactionTemplate.class), bad, DeadLettersTest.absurdDebt(bad));
            assertThat(nodeB.post("etude-durand", "huissier", "/api/v1/cases/" + caseId + "/acts",
                    "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-04-02\", \"hearingOn\": \"2024-06-20\"}", "ass-1").status())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(90)).until(() -> getWith(nodeA, "/api/v1/cases").path("items").findValuesAsText("lastActType")
                    .contains("SummonsServed"));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                JsonNode groups = getWith(nodeB, "/api/v1/admin/dead-letters").path("groups");
                return groups.toString().contains(bad) && groups.findValues("dossiers").stream().filter(d -> d.toString().contains(bad)).count() == 2;
            });
            assertThat(getWith(nodeA, "/api/v1/cases").path("items")).hasSize(1);
            // The queue's payload columns are bytea, not large objects (oid).
            try (Connection c = DriverManager.getConnection(SERVER + database, "postgres", "");
                 Statement s = c.createStatement();
                 java.sql.ResultSet columns = s.executeQuery("select column_name, data_type from information_schema.columns"
                         + " where table_name = 'dead_letter_entry' and column_name in ('payload', 'meta_data', 'token', 'diagnostics')")) {
                java.util.Map<String, String> types = new java.util.TreeMap<>();
                while (columns.next()) types.put(columns.getString(1), columns.getString(2));
                assertThat(types).containsOnlyKeys("diagnostics", "meta_data", "payload", "token").containsValues("bytea")
                        .doesNotContainValue("oid");
            }
        }
    }

    private static JsonNode getWith(ApiClient api, String path) {
        return api.getAs("secretariat", "s3cret", path).body();
    }
}
