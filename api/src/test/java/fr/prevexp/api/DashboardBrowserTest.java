package fr.prevexp.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.prevexp.projections.replay.ProjectionReplay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
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

/**
 * The dashboard rendered in headless Chromium (Debian's {@code chromium}) with demo data: the
 * charts are drawn (the page says how many, and the screenshot holds the funnel's colours) and the
 * numbers on the page are the API's. Playwright drives Chromium through the login page
 * ({@link Browsers}: skipped without Chromium on a developer's machine, a failure on CI).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dashboard;DB_CLOSE_DELAY=-1", "camunda.bpm.job-execution.enabled=false"})
class DashboardBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ProjectionReplay projections;
    @TempDir
    Path dir;

    @BeforeAll
    static void chromium() {
        Browsers.requireChromium();
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
        File png;
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

        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.chromium(playwright)) {
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 2400)).newPage();
            page.setDefaultTimeout(90_000);
            Browsers.login(page, "http://localhost:" + port, "ccapex");
            page.navigate("http://localhost:" + port + "/dashboard/?year=2025");
            page.waitForSelector("body[data-charts-drawn]");
            String dom = page.content();
            Matcher drawn = Pattern.compile("data-charts-drawn=\"(\\d+)\"").matcher(dom);
            assertThat(drawn.find()).as("the page reports its charts: " + dom.substring(0, Math.min(400, dom.length()))).isTrue();
            assertThat(Integer.parseInt(drawn.group(1))).as("the funnel and one chart per objective of the charter").isEqualTo(7);
            assertThat(dom).contains("id=\"funnel-SUMMONSES\" data-value=\"" + summonses + "\"")
                    .contains("id=\"funnel-EVICTIONS_CARRIED_OUT\" data-value=\"" + evictions + "\"")
                    .contains("Entonnoir de la procédure").contains("Objectifs de la charte");
            // 2024 holds only the few acts of dossiers opened before the demo year: no target is drawn against it
            assertThat(dom).doesNotContain(">2025 : non atteint<");
            png = Browsers.screenshot(page, "dashboard-demo-2025").toFile();
        }
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
