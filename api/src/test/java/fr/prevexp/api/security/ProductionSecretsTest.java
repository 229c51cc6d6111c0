package fr.prevexp.api.security;

import fr.prevexp.api.ApiClient;
import fr.prevexp.api.PrevexpApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production (the {@code postgres} profile, demo accounts off) refuses to start without its secrets,
 * and starts with them. The profile runs here on an in-memory H2 database, so that no PostgreSQL is needed.
 */
class ProductionSecretsTest {

    /**
     * The postgres profile on a private in-memory database, with this administrator's password
     * (empty: none, whatever the machine's environment holds) and these extra arguments.
     */
    private static ConfigurableApplicationContext production(String adminPassword, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--PREVEXP_DB_URL=jdbc:h2:mem:secrets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "--PREVEXP_DB_USER=sa",
                "--spring.jpa.database-platform=org.hibernate.dialect.H2Dialect",
                "--camunda.bpm.process-engine-name=secrets-" + UUID.randomUUID(),
                "--PREVEXP_CAMUNDA_ADMIN_PASSWORD=" + adminPassword));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(PrevexpApplication.class).profiles("postgres").run(args.toArray(String[]::new));
    }

    @Test
    void thePostgresProfileRefusesToStartWithoutItsSecrets() {
        assertThatThrownBy(() -> production(""))
                .isInstanceOf(ProductionSecrets.MissingSecretsException.class)
                .hasMessageContaining("Production refuses to start without its secrets")
                .hasMessageContaining("PREVEXP_CAMUNDA_ADMIN_PASSWORD")
                .hasMessageContaining("no partner account and no bearer-token issuer");
        assertThatThrownBy(() -> production("ccapex"))
                .isInstanceOf(ProductionSecrets.MissingSecretsException.class)
                .hasMessageContaining("public default");
    }

    @Test
    void thePostgresProfileStartsWithItsSecrets() {
        try (ConfigurableApplicationContext context = production("T0p-s3cret-admin",
                "--prevexp.security.accounts[0].login=secretariat", "--prevexp.security.accounts[0].password={noop}s3cret",
                "--prevexp.security.accounts[0].role=CCAPEX")) {
            ApiClient api = new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
            assertThat(api.getAs("secretariat", "s3cret", "/api/v1/cases").status()).isEqualTo(200);
            assertThat(api.get("ccapex", "/api/v1/cases").status()).as("no demo account").isEqualTo(401);
        }
    }

    private static MockEnvironment productionEnvironment() {
        return new MockEnvironment().withProperty("prevexp.security.demo-accounts", "false")
                .withProperty("camunda.bpm.admin-user.id", "admin");
    }

    @Test
    void eachMissingSecretIsNamed() {
        assertThat(ProductionSecrets.missing(new MockEnvironment().withProperty("prevexp.security.demo-accounts", "true")))
                .as("the embedded default needs no secret").isEmpty();
        assertThat(ProductionSecrets.missing(productionEnvironment())).hasSize(2);
        assertThat(ProductionSecrets.missing(productionEnvironment().withProperty("camunda.bpm.admin-user.password", "${PREVEXP_CAMUNDA_ADMIN_PASSWORD}")))
                .anyMatch(m -> m.contains("PREVEXP_CAMUNDA_ADMIN_PASSWORD") && m.contains("missing or blank"));
        assertThat(ProductionSecrets.missing(productionEnvironment().withProperty("camunda.bpm.admin-user.password", "  ")))
                .anyMatch(m -> m.contains("missing or blank"));
        assertThat(ProductionSecrets.missing(productionEnvironment().withProperty("camunda.bpm.admin-user.password", "Admin")))
                .anyMatch(m -> m.contains("public default"));
        MockEnvironment issuerOnly = productionEnvironment().withProperty("camunda.bpm.admin-user.password", "x9-long-secret")
                .withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://login.example.org/realms/ccapex");
        assertThat(ProductionSecrets.missing(issuerOnly)).as("partners may all come from the issuer").isEmpty();
        MockEnvironment incomplete = productionEnvironment().withProperty("camunda.bpm.admin-user.password", "x9-long-secret")
                .withProperty("prevexp.security.accounts[0].login", "etude-durand");
        assertThat(ProductionSecrets.missing(incomplete)).containsExactlyInAnyOrder(
                "prevexp.security.accounts[0] (etude-durand).password is missing (an encoded password, e.g. {bcrypt}...)",
                "prevexp.security.accounts[0] (etude-durand).role is missing");
    }
}
