package fr.prevexp.api;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The browser tests' headless Chromium: Debian's {@code chromium} driven by Playwright for Java (no
 * browser is downloaded). Without it, a browser test is skipped on a developer's machine and FAILS on
 * CI ({@code CI=true}), where {@code .ci/run} installs it. Screenshots are kept in
 * {@code api/target/browser-screenshots}.
 */
public final class Browsers {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    /** The accessibility engine (axe-core, from its WebJar). */
    private static final String AXE = "META-INF/resources/webjars/axe-core/";

    private Browsers() {
    }

    /** Checks that Chromium is there: skipped without it on a developer's machine, a failure on CI. */
    public static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(present).as("Debian's chromium is required on CI (apt-get install chromium)").isTrue();
        }
        assumeTrue(present, "Debian's chromium is not installed: apt-get install chromium");
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    /** Signs in through the login page (the form of the workspace, not HTTP Basic). */
    public static void login(Page page, String base, String login) {
        page.navigate(base + "/login");
        page.fill("#username", login);
        page.fill("#password", login);
        page.click("#sign-in");
        page.waitForURL(url -> !url.contains("/login"));
    }

    public static Path screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** The serious and critical violations axe-core finds on the page (WCAG 2 A and AA rules), as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousAccessibilityViolations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource()));
        Object result = page.evaluate("""
                async () => {
                  const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
                  return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .flatMap(v => v.nodes.map(n => v.id + ' (' + v.impact + '): ' + n.target.join(' ') + ' — ' + v.help));
                }""");
        return new ArrayList<>((List<String>) result);
    }

    private static String axeSource() {
        try (var jars = Browsers.class.getClassLoader().getResources("META-INF/maven/org.webjars.npm/axe-core/pom.properties").asIterator()
                .next().openStream()) {
            java.util.Properties p = new java.util.Properties();
            p.load(jars);
            try (InputStream axe = Browsers.class.getClassLoader().getResourceAsStream(AXE + p.getProperty("version") + "/axe.min.js")) {
                return new String(axe.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
