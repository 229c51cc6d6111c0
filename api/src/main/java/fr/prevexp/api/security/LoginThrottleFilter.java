package fr.prevexp.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Applies the {@link LoginThrottle} to every way of logging in: HTTP Basic (or a bearer token) on
 * the partner API, the workspace's pages, the actuator and the engine REST API ({@code /engine-rest}),
 * the workspace's login form ({@code POST /login}) and Cockpit's login form. A request carrying credentials from an address over its limit is answered
 * {@code 429} problem+json with {@code Retry-After}, without checking them; an answer {@code 401}
 * to a request that carried credentials, or to a Cockpit login, counts as one failure.
 * The address is the connection's ({@code getRemoteAddr()}); behind a reverse proxy, set
 * {@code server.forward-headers-strategy: native} so that it is the client's.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {
    private static final Pattern BASIC_PATHS = Pattern.compile("/(api|engine-rest|dashboard|dossiers|actuator)(/.*)?");
    private static final Pattern COCKPIT_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

    private final LoginThrottle throttle;
    private final ObjectMapper json;

    public LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean cockpitLogin = "POST".equals(request.getMethod()) && COCKPIT_LOGIN.matcher(path).matches();
        boolean workspaceLogin = "POST".equals(request.getMethod()) && "/login".equals(path);
        boolean credentials = request.getHeader(HttpHeaders.AUTHORIZATION) != null && BASIC_PATHS.matcher(path).matches();
        if (!cockpitLogin && !workspaceLogin && !credentials) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.refusedFor(address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            SecurityConfig.problem(json, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-login-failures", "Trop d'échecs de connexion",
                    "Trop d'échecs de connexion depuis cette adresse (" + throttle.settings().maxFailures() + " en "
                            + throttle.settings().window().toMinutes() + " min) : réessayez dans " + seconds + " s.", request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
        // A wrong password is 401 everywhere, Cockpit's login included (403 there is a missing anti-CSRF token or application right).
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) throttle.failed(address);
        // The workspace's login form answers a wrong password with its page again (/login?error).
        else if (workspaceLogin && String.valueOf(response.getHeader(HttpHeaders.LOCATION)).contains("/login?error")) throttle.failed(address);
    }
}
