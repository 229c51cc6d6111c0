package fr.prevexp.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What was accepted survives a restart: the application stopped and started again on the same H2 file. */
class RestartTest {
    @TempDir
    Path dir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PrevexpApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("prevexp") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void historyIsStillThereAfterARestart() {
        String caseId;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = client(first);
            caseId = api.post("ccapex", "/api/v1/cases", ApiClient.opening("2024-01-10")).text("caseId");
            assertThat(api.post("commissaire", "/api/v1/cases/" + caseId + "/acts",
                    "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\"}").status()).isEqualTo(201);
        }
        try (ConfigurableApplicationContext second = start()) {
            ApiClient api = client(second);
            ApiClient.Answer history = api.get("auditor", "/api/v1/cases/" + caseId + "/history");
            assertThat(history.status()).isEqualTo(200);
            assertThat(ApiClient.partnerActs(history.body().path("events"))).hasSize(2);
            assertThat(api.get("ccapex", "/api/v1/cases/" + caseId).text("stage")).isEqualTo("PAYMENT_ORDER");
            // The dossier goes on where it stopped: its rules still hold after the restart.
            assertThat(api.post("commissaire", "/api/v1/cases/" + caseId + "/acts",
                    "{\"type\": \"NoticeToQuitServed\", \"occurredOn\": \"2024-03-01\"}").status()).isEqualTo(409);
        }
    }
}
