package fr.prevexp.api;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import fr.prevexp.projections.replay.ProjectionReplay;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.stream.Stream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The secretariat's workspace in headless Chromium (Playwright driving Debian's {@code chromium}):
 * the login page, the dossier list and its search, a dossier page with its timeline, deadlines and
 * procedure diagram, recording an act through the form generated from the OpenAPI document (a
 * French validation message next to its field, then the act in the timeline), the dashboard at
 * both its addresses, a refused read for a partner not party to the dossier, and no serious
 * accessibility violation (axe-core). Screenshots: {@code api/target/browser-screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dashboard;DB_CLOSE_DELAY=-1", "camunda.bpm.job-execution.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    ProjectionReplay projections;
    @Autowired
    ManagementService management;

    Playwright playwright;
    Browser browser;
    String base;
    String martin;
    String durand;
    /** The dossier the act form records on (the others keep their acts for the other tests, in any order). */
    String bernard;

    @BeforeAll
    void openTwoDossiersAndTheBrowser() {
        Browsers.requireChromium();
        base = "http://localhost:" + port;
        ApiClient api = new ApiClient(port);
        ApiClient.Answer a = api.post("ccapex", "/api/v1/cases", """
                {"openedOn": "2024-01-10", "source": "CAF", "parc": "PRIVATE", "territory": "93066", "reference": "WS-MARTIN-01",
                 "leaseSignedOn": "2019-05-01", "household": {"name": "Famille Martin-Ségur", "persons": 3},
                 "landlord": {"kind": "PRIVATE_PERSON", "name": "M. Dupont"}, "partners": ["demo-commissaire"],
                 "monthlyRent": "650.00", "monthlyCharges": "80.00", "debt": "1950.00"}""");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        martin = a.text("caseId");
        ApiClient.Answer order = api.post("commissaire", "/api/v1/cases/" + martin + "/acts",
                "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\", \"debtClaimed\": \"2100.00\"}");
        assertThat(order.status()).as(order.body().toString()).isEqualTo(201);
        ApiClient.Answer b = api.post("ccapex", "/api/v1/cases", """
                {"openedOn": "2024-03-10", "source": "CAF", "parc": "PUBLIC", "territory": "93048", "reference": "WS-DURAND-02",
                 "household": {"name": "Famille Durand", "persons": 2}, "landlord": {"kind": "SOCIAL", "name": "OPH Montreuil"}}""");
        assertThat(b.status()).as(b.body().toString()).isEqualTo(201);
        durand = b.text("caseId");
        ApiClient.Answer c = api.post("ccapex", "/api/v1/cases", """
                {"openedOn": "2024-02-12", "source": "CAF", "parc": "PRIVATE", "territory": "93066", "reference": "WS-BERNARD-03",
                 "household": {"name": "Famille Bernard", "persons": 4}, "landlord": {"kind": "PRIVATE_PERSON", "name": "Mme Roux"},
                 "partners": ["demo-commissaire"]}""");
        assertThat(c.status()).as(c.body().toString()).isEqualTo(201);
        bernard = c.text("caseId");
        // The job executor is off here: the procedure's asynchronous steps are run by hand, its timers never fire, so the
        // payment order's deadline (due 1 April 2024) stays pending past its last day: overdue.
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            List<Job> steps = management.createJobQuery().executable().messages().list();
            steps.forEach(j -> management.executeJob(j.getId()));
            return steps.isEmpty() && projections.done()
                    && api.get("ccapex", "/api/v1/cases?q=WS-").body().path("totalItems").asInt() == 3
                    && api.get("ccapex", "/api/v1/cases?q=WS-MARTIN&due=OVERDUE").body().path("totalItems").asInt() == 1;
        });
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    private Page signedIn(String login) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000).setLocale("fr-FR"));
        context.setDefaultTimeout(60_000);
        Page page = context.newPage();
        Browsers.login(page, base, login);
        return page;
    }

    private static List<String> rows(Page page) {
        return page.locator("#cases tbody tr").allInnerTexts();
    }

    @Test
    void theListSearchesByReferenceAndCommuneAndFiltersOverdueDeadlines() {
        Page page = signedIn("ccapex");
        assertThat(page.url()).endsWith("/dossiers");
        page.waitForSelector("body[data-loaded]");
        page.fill("#q", "WS-MART");                     // the start of a reference (the name, read from the log, is shown)
        page.click("#search-button");
        page.waitForURL(url -> url.contains("q=WS-MART"));
        page.waitForFunction("() => document.querySelectorAll('#cases tbody tr').length === 1");
        assertThat(rows(page)).singleElement().asString().contains("WS-MARTIN-01", "Famille Martin-Ségur", "93066", "commandement de payer signifié");
        page.fill("#q", "93048");                       // a commune
        page.click("#search-button");
        page.waitForFunction("() => [...document.querySelectorAll('#cases tbody tr')].every(r => r.innerText.includes('93048'))");
        assertThat(String.join("\n", rows(page))).contains("WS-DURAND-02").doesNotContain("WS-MARTIN-01");
        page.fill("#q", "WS-");                         // the start of a reference, with the deadline filter
        page.selectOption("#due", "OVERDUE");
        page.click("#search-button");
        page.waitForURL(url -> url.contains("due=OVERDUE"));
        // overdue: a deadline still pending whose last day is before this week's Monday, as the case view tells it
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/Paris")).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        ApiClient api = new ApiClient(port);
        List<String> overdue = Stream.of(martin, durand, bernard).filter(id -> {
            for (JsonNode d : api.get("ccapex", "/api/v1/cases/" + id).body().path("deadlines")) {
                if (d.path("status").asText().equals("PENDING") && LocalDate.parse(d.path("dueOn").asText()).isBefore(monday)) return true;
            }
            return false;
        }).map(id -> api.get("ccapex", "/api/v1/cases/" + id).body().path("reference").asText()).toList();
        assertThat(overdue).contains("WS-MARTIN-01");
        page.waitForFunction("n => document.querySelectorAll('#cases tbody tr').length === n", overdue.size());
        assertThat(rows(page)).allSatisfy(r -> assertThat(overdue).anySatisfy(ref -> assertThat(r).contains(ref)));
        Browsers.screenshot(page, "dossiers");
        assertThat(Browsers.seriousAccessibilityViolations(page)).as("axe-core on /dossiers").isEmpty();
        page.click("text=WS-MARTIN-01");
        page.waitForURL(url -> url.endsWith("/dossiers/" + martin));
    }

    @Test
    void theDossierPageShowsTheTimelineTheDeadlinesAndWhereTheProcedureWaits() {
        Page page = signedIn("ccapex");
        page.navigate(base + "/dossiers/" + martin);
        page.waitForSelector("body[data-diagram-done]");
        assertThat(page.textContent("h1")).contains("WS-MARTIN-01");
        assertThat(page.textContent("#facts")).contains("parc privé", "93066", "M. Dupont", "Famille Martin-Ségur");
        assertThat(page.textContent("#stage")).contains("commandement de payer");
        List<String> timeline = page.locator("#timeline li").allInnerTexts();
        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0)).contains("10/01/2024", "ouverture du dossier", "enregistré par ccapex");
        assertThat(timeline.get(1)).contains("01/02/2024", "commandement de payer signifié", "enregistré par commissaire", "commissaire de justice");
        // The payment order's two months ran out in 2024 and no timer fires here: the deadline is overdue and stands out.
        assertThat(page.locator("#deadlines tr[data-status=OVERDUE]").count()).isGreaterThanOrEqualTo(1);
        assertThat(page.locator("#deadlines tr.ws-overdue .fr-badge--error").first().textContent()).isEqualTo("en retard");
        assertThat(page.getAttribute("body", "data-diagram-error")).isNull();
        assertThat(Integer.parseInt(page.getAttribute("body", "data-diagram-elements"))).as("the BPMN model is drawn").isGreaterThan(100);
        assertThat(Integer.parseInt(page.getAttribute("body", "data-diagram-waiting"))).as("where the procedure waits is marked").isGreaterThan(0);
        assertThat(page.locator("#diagram .ws-waiting").count()).isGreaterThan(0);
        assertThat(page.textContent("#waiting")).startsWith("La procédure attend");
        Browsers.screenshot(page, "dossier");
        assertThat(Browsers.seriousAccessibilityViolations(page)).as("axe-core on the dossier page").isEmpty();
    }

    @Test
    void aCommissaireRecordsAnActThroughTheFormWithTheApisFrenchValidation() {
        Page page = signedIn("commissaire");
        page.navigate(base + "/dossiers/" + durand);
        assertThat(page.content()).as("not party to this dossier").doesNotContain("WS-DURAND-02");
        page.navigate(base + "/dossiers/" + bernard);
        page.waitForSelector("body[data-ready]");
        String allowed = page.getAttribute("body", "data-allowed-acts");
        assertThat(allowed.split(" ")).as("the commissaire's acts that the stage allows")
                .contains("SummonsServed", "PaymentOrderServed", "KeysReturned")
                .doesNotContain("NoticeToQuitServed", "PoliceAssistanceGranted", "UnpaidRentReported", "CcapexExamined");
        page.selectOption("#act-type", "SummonsServed");
        assertThat(page.textContent("label[for=f-hearingOn]")).contains("date de l'audience");
        page.fill("#f-occurredOn", "2024-04-02");
        page.fill("#f-hearingOn", "2031-06-20");          // more than two years after the summons: refused by the API (422)
        page.click("#act-submit");
        page.waitForSelector("#act-refused");
        page.waitForSelector("[data-field=hearingOn].fr-input-group--error");
        String reason = page.textContent("#f-hearingOn-error");
        assertThat(reason).as("the API's reason, in French, next to the field").isNotBlank().containsAnyOf("au plus", "après", "ans");
        assertThat(page.locator("#timeline li").count()).as("a refused act records nothing").isEqualTo(1);
        Browsers.screenshot(page, "act-refused");
        page.fill("#f-hearingOn", "2024-06-20");
        page.click("#act-submit");
        page.waitForSelector("#act-recorded");
        page.waitForFunction("() => document.querySelectorAll('#timeline li').length === 2");
        assertThat(page.locator("#timeline li").nth(1).innerText()).contains("02/04/2024", "assignation délivrée", "enregistré par commissaire");
        assertThat(page.textContent("#stage")).contains("assignation");
        assertThat(page.getAttribute("body", "data-allowed-acts").split(" ")).contains("HearingHeld", "JudgmentDelivered");
        Browsers.screenshot(page, "act-recorded");
    }

    @Test
    void aPartnerNotPartyToADossierIsRefusedItsPageAndTheDashboard() {
        Page page = signedIn("caf");
        Response dossier = page.navigate(base + "/dossiers/" + martin);
        assertThat(dossier.status()).as("as the API: a dossier the partner may not read is unknown").isEqualTo(404);
        Response dashboard = page.navigate(base + "/dashboard");
        assertThat(dashboard.status()).isEqualTo(403);
        page.navigate(base + "/dossiers?q=WS-");
        page.waitForSelector("body[data-loaded]");
        assertThat(page.getAttribute("body", "data-loaded")).as("the CAF lists only the dossiers it is party to").isEqualTo("0");
    }

    @Test
    void theDashboardWorksAtBothAddressesLinksToDossiersAndLogsOut() {
        Page page = signedIn("prefecture");
        for (String address : List.of("/dashboard", "/dashboard/")) {
            page.navigate(base + address + "?year=2024");
            page.waitForSelector("body[data-charts-drawn]");
            assertThat(page.evaluate("() => getComputedStyle(document.querySelector('main')).display")).as(address + ": its stylesheet")
                    .isEqualTo("grid");
            assertThat(page.evaluate("() => getComputedStyle(document.body).fontFamily").toString()).contains("Marianne");
        }
        assertThat(page.locator("#overdue a[href='/dossiers/" + martin + "']").count()).as("the overdue deadline links to the dossier").isEqualTo(1);
        Browsers.screenshot(page, "dashboard");
        assertThat(Browsers.seriousAccessibilityViolations(page)).as("axe-core on the dashboard").isEmpty();
        page.click("#logout");
        page.waitForURL(url -> url.contains("/login?logout"));
        assertThat(page.isVisible("#logged-out")).isTrue();
        Response after = page.navigate(base + "/dossiers");
        assertThat(page.url()).as("signed out: back to the login page").contains("/login");
        assertThat(after.status()).isEqualTo(200);
    }
}
