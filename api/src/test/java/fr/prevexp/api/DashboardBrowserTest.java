package fr.prevexp.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.prevexp.projections.replay.ProjectionReplay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard rendered in headless Chromium (Debian's {@code chromium}) with demo data: the
 * charts are drawn (the page says how many, and the screenshot holds the funnel's colours) and the
 * numbers on the page are the API's. Skipped when Chromium is not installed ({@code .ci/run}
 * installs it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dashboard;DB_CLOSE_DELAY=-1", "camunda.bpm.job-execution.enabled=false"})
class DashboardBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @LocalServerPort
    int port;
    @Autowired
    ProjectionReplay projections;
    @TempDir
    Path dir;

    @BeforeAll
    static void chromium() {
        assumeTrue(Files.isExecutable(CHROMIUM), "Debian's chromium is not installed: apt-get install chromium");
    }

    private String chromium(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--window-size=1400,2400", "--virtual-time-budget=15000"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void theDashboardDrawsItsChartsWithTheNumbersOfTheApi() throws Exception {
        ApiClient api = new ApiClient(port);
        ApiClient.Answer demo = api.post("ccapex", "/api/v1/admin/demo-data?year=2025&scale=100", "{}");
        assertThat(demo.status()).isEqualTo(202);
        // Its progress: every command of the year recorded, none failed.
        JsonNode progress = api.get("ccapex", "/api/v1/admin/demo-data").body();
        assertThat(progress.path("done").asBoolean()).isTrue();
        assertThat(progress.path("recorded").asInt()).isEqualTo(progress.path("commands").asInt()).isPositive();
        assertThat(progress.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(progress.path("failure").isMissingNode() || progress.path("failure").isNull()).isTrue();
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (!projections.done()) {
            assertThat(Instant.now()).isBefore(until);
            Thread.sleep(200);
        }
        JsonNode indicators = api.get("ccapex", "/api/v1/indicators?year=2025").body().path("indicators");
        long summonses = -1, evictions = -1;
        for (JsonNode i : indicators) {
            if (i.path("key").asText().equals("SUMMONSES")) summonses = i.path("value").asLong();
            if (i.path("key").asText().equals("EVICTIONS_CARRIED_OUT")) evictions = i.path("value").asLong();
        }
        assertThat(summonses).isEqualTo(58);   // 5,788 / 100

        // The same call again (how a load interrupted by a crash is completed) records nothing twice: every command has its key.
        long dossiers = api.get("ccapex", "/api/v1/cases?size=1").body().path("totalItems").asLong();
        ApiClient.Answer again = api.post("ccapex", "/api/v1/admin/demo-data?year=2025&scale=100", "{}");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().path("dossiers").asLong()).isEqualTo(demo.body().path("dossiers").asLong());
        while (!projections.done()) {
            assertThat(Instant.now()).isBefore(until);
            Thread.sleep(200);
        }
        assertThat(api.get("ccapex", "/api/v1/cases?size=1").body().path("totalItems").asLong()).isEqualTo(dossiers);
        assertThat(api.get("ccapex", "/api/v1/indicators?year=2025").body().path("indicators").findValues("value").toString())
                .isEqualTo(indicators.findValues("value").toString());

        String url = "http://ccapex:ccapex@localhost:" + port + "/dashboard/?year=2025";
        String dom = chromium("--dump-dom", url);
        Matcher drawn = Pattern.compile("data-charts-drawn=\"(\\d+)\"").matcher(dom);
        assertThat(drawn.find()).as("the page reports its charts: " + dom.substring(0, Math.min(400, dom.length()))).isTrue();
        assertThat(Integer.parseInt(drawn.group(1))).as("the funnel and one chart per objective of the charter").isEqualTo(7);
        assertThat(dom).contains("id=\"funnel-SUMMONSES\" data-value=\"" + summonses + "\"")
                .contains("id=\"funnel-EVICTIONS_CARRIED_OUT\" data-value=\"" + evictions + "\"")
                .contains("Entonnoir de la procédure").contains("Objectifs de la charte");

        File png = dir.resolve("dashboard.png").toFile();
        chromium("--screenshot=" + png, url);
        BufferedImage image = ImageIO.read(png);
        assertThat(image).as("a screenshot was taken").isNotNull();
        int requestBar = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0xB34000) requestBar++;   // the funnel's "concours requis" bar, a colour used nowhere else
            }
        }
        assertThat(requestBar).as("the funnel chart is drawn in the screenshot").isGreaterThan(500);
    }
}
