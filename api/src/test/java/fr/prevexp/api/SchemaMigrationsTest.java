package fr.prevexp.api;

import org.h2.tools.RunScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The schema is the migrations' ({@code db/migration/{vendor}}), Hibernate only validates it:
 * every other Spring test already starts on a fresh H2 database migrated by Flyway. Here: a fresh
 * PostgreSQL database, and a database made by the last release before Flyway (its tables made by
 * {@code ddl-auto: update}, a dossier in it), which starts, keeps its dossier and takes new acts.
 * {@code -Dprevexp.schema.generate=true} writes what Hibernate would create, per vendor, to
 * {@code api/target/schema/} to write the next migration from.
 */
class SchemaMigrationsTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    /** A dossier of the database made by the release before Flyway (test resource {@code upgrade/pre-flyway.sql.gz}). */
    static final String LEGACY_CASE = "91301fdd-30dc-339f-808f-033cf923ac3c";

    @Test
    void aDatabaseOfTheReleaseBeforeFlywayIsTakenAsVersionOneAndBroughtForward(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("prevexp") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             InputStream in = new GZIPInputStream(SchemaMigrationsTest.class.getResourceAsStream("/upgrade/pre-flyway.sql.gz"))) {
            RunScript.execute(c, new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PrevexpApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + url)) {
            ApiClient api = new ApiClient(((WebServerApplicationContext) app).getWebServer().getPort());
            ApiClient.Answer legacy = api.get("ccapex", "/api/v1/cases/" + LEGACY_CASE);
            assertThat(legacy.status()).as("%s", legacy.body()).isEqualTo(200);
            assertThat(legacy.text("stage")).isEqualTo("SUMMONS");
            ApiClient.Answer hearing = api.post("commissaire", "/api/v1/cases/" + LEGACY_CASE + "/acts",
                    "{\"type\": \"HearingHeld\", \"occurredOn\": \"2024-06-20\", \"tenantPresent\": true}");
            assertThat(hearing.status()).as("%s", hearing.body()).isEqualTo(201);
        }
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet history = s.executeQuery("select \"version\", \"type\" from \"flyway_schema_history\" order by \"installed_rank\"")) {
            List<String> applied = new ArrayList<>();
            while (history.next()) applied.add(history.getString(1) + " " + history.getString(2));
            assertThat(applied).as("the release before Flyway is version 1, taken as it is, then brought forward")
                    .contains("1 BASELINE", "2 SQL").doesNotContain("1 SQL");
        }
    }

    @Test
    void aFreshPostgresDatabaseIsMigratedAndValidated() throws Exception {
        String database = createPostgresDatabase();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PrevexpApplication.class).profiles("postgres").run(
                "--server.port=0", "--PREVEXP_DB_URL=" + SERVER + database, "--PREVEXP_CAMUNDA_ADMIN_PASSWORD=test-admin",
                "--prevexp.security.accounts[0].login=secretariat", "--prevexp.security.accounts[0].password={noop}s3cret",
                "--prevexp.security.accounts[0].role=CCAPEX")) {
            ApiClient api = new ApiClient(((WebServerApplicationContext) app).getWebServer().getPort());
            assertThat(api.post("secretariat", "s3cret", "/api/v1/cases", ApiClient.opening("2024-01-10"), null).status()).isEqualTo(201);
        } finally {
            dropPostgresDatabase(database);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "prevexp.schema.generate", matches = "true")
    void writeWhatHibernateWouldCreate() throws Exception {
        Path target = Path.of("target", "schema").toAbsolutePath();
        Files.createDirectories(target);
        generate("h2", target, "--spring.datasource.url=jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        String database = createPostgresDatabase();
        try {
            generate("postgresql", target, "--spring.profiles.active=postgres", "--PREVEXP_DB_URL=" + SERVER + database,
                    "--PREVEXP_CAMUNDA_ADMIN_PASSWORD=schema", "--prevexp.security.accounts[0].login=schema",
                    "--prevexp.security.accounts[0].password={noop}schema", "--prevexp.security.accounts[0].role=CCAPEX");
        } finally {
            dropPostgresDatabase(database);
        }
    }

    private static void generate(String vendor, Path target, String... args) {
        Path script = target.resolve(vendor + ".sql");
        try {
            Files.deleteIfExists(script);  // Hibernate appends to an existing script
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server.port=0", "--spring.flyway.enabled=false", "--spring.jpa.hibernate.ddl-auto=create",
                "--camunda.bpm.job-execution.enabled=false",
                "--spring.jpa.properties.jakarta.persistence.schema-generation.scripts.action=create",
                "--spring.jpa.properties.jakarta.persistence.schema-generation.scripts.create-target=" + script,
                "--spring.jpa.properties.hibernate.hbm2ddl.delimiter=;",
                "--spring.jpa.properties.hibernate.format_sql=true"));
        new SpringApplicationBuilder(PrevexpApplication.class).run(all.toArray(String[]::new)).close();
    }

    private static String createPostgresDatabase() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 2000);
        } catch (java.io.IOException e) {
            assumeTrue(false, "PostgreSQL is not reachable on 127.0.0.1:5432: " + e.getMessage());
        }
        String database = "prevexp_schema_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres?connectTimeout=5", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
        return database;
    }

    private static void dropPostgresDatabase(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres?connectTimeout=5", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        }
    }
}
