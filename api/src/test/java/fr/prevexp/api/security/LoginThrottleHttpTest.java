package fr.prevexp.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords cannot lock the engine administrator out: failed logins are limited per source
 * address (the address given by a trusted proxy's {@code X-Forwarded-For}, as configured here and in
 * the README), and Camunda's own lock-out per user is off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:login-throttle;DB_CLOSE_DELAY=-1",
        "prevexp.security.login-throttle.max-failures=5",
        "prevexp.security.login-throttle.window=10m",
        // The test client connects from 127.0.0.1, a trusted proxy: the source address is X-Forwarded-For.
        "server.forward-headers-strategy=native"})
class LoginThrottleHttpTest {
    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAddressThatFailsTooOftenIsRefusedAndTheAdministratorStillLogsInFromElsewhere() {
        for (int i = 1; i <= 20; i++) {
            HttpResponse<String> answer = basic("203.0.113.7", "GET", "/api/v1/cases", "ccapex", "guess-" + i);
            assertThat(answer.statusCode()).as("attempt " + i).isEqualTo(i <= 5 ? 401 : 429);
            if (i > 5) {
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(basic("203.0.113.7", "GET", "/api/v1/cases", "ccapex", "ccapex").statusCode())
                .as("the address is refused, even with the right password").isEqualTo(429);
        assertThat(basic("203.0.113.7", "GET", "/engine-rest/process-definition", "ccapex", "ccapex").statusCode())
                .as("on every login path").isEqualTo(429);
        assertThat(basic("198.51.100.9", "GET", "/api/v1/cases", "ccapex", "ccapex").statusCode()).as("another address").isEqualTo(200);
        assertThat(basic("198.51.100.9", "GET", "/engine-rest/process-definition", "ccapex", "ccapex").statusCode()).isEqualTo(200);
    }

    @Test
    void requestsWithoutCredentialsAreNotFailedLogins() {
        for (int i = 0; i < 12; i++) {
            assertThat(send("203.0.113.20", HttpRequest.newBuilder(uri("/api/v1/cases")).GET()).statusCode()).isEqualTo(401);
        }
        assertThat(basic("203.0.113.20", "GET", "/api/v1/cases", "auditor", "auditor").statusCode()).isEqualTo(200);
    }

    @Test
    void cockpitsLoginIsThrottledPerAddressAndCamundaNoLongerLocksTheAdministrator() {
        for (int i = 1; i <= 8; i++) {
            assertThat(cockpitLogin("203.0.113.30", "wrong-" + i).statusCode()).as("attempt " + i).isEqualTo(i <= 5 ? 401 : 429);
        }
        // Twenty wrong passwords from twenty addresses all reach the engine (each address stays under its limit):
        // Camunda's lock-out (10 attempts, growing delays) would now keep the administrator out.
        for (int i = 1; i <= 20; i++) {
            assertThat(cockpitLogin("192.0.2." + i, "wrong").statusCode()).as("address " + i).isEqualTo(401);
            assertThat(basic("192.0.2." + (100 + i), "GET", "/engine-rest/process-definition", "ccapex", "wrong").statusCode()).isEqualTo(401);
        }
        assertThat(cockpitLogin("198.51.100.30", "ccapex").statusCode()).as("the administrator logs in to Cockpit").isEqualTo(200);
        assertThat(basic("198.51.100.31", "GET", "/engine-rest/process-definition", "ccapex", "ccapex").statusCode()).isEqualTo(200);
    }

    @Test
    void theWorkspacesLoginFormIsThrottledPerAddress() {
        for (int i = 1; i <= 7; i++) {
            HttpResponse<String> answer = workspaceLogin("203.0.113.40", "wrong-" + i);
            if (i <= 5) {
                assertThat(answer.statusCode()).as("attempt " + i).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location").orElse("")).contains("/login?error");
            } else {
                assertThat(answer.statusCode()).as("attempt " + i).isEqualTo(429);
            }
        }
        HttpResponse<String> elsewhere = workspaceLogin("198.51.100.40", "ccapex");
        assertThat(elsewhere.statusCode()).isEqualTo(302);
        assertThat(elsewhere.headers().firstValue("Location").orElse("")).as("signed in from another address").doesNotContain("error");
    }

    /** The workspace's login form as a browser sends it: the login page first (session and CSRF cookie), then the form. */
    private HttpResponse<String> workspaceLogin(String address, String password) {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        send(browser, address, HttpRequest.newBuilder(uri("/login")).GET());
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                .orElseThrow(() -> new AssertionError("no CSRF cookie")).getValue();
        String form = "username=ccapex&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token;
        return send(browser, address, HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Cockpit's login form as a browser sends it: its page first (session and anti-CSRF token), then the form. */
    private HttpResponse<String> cockpitLogin(String address, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = send(browser, address, HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).GET());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow(() -> new AssertionError("no anti-CSRF token: " + page.headers()));
        String form = "username=ccapex&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(browser, address, HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> basic(String address, String method, String path, String login, String password) {
        return send(address, HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(String address, HttpRequest.Builder request) {
        return send(http, address, request);
    }

    private static HttpResponse<String> send(HttpClient http, String address, HttpRequest.Builder request) {
        try {
            return http.send(request.header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
