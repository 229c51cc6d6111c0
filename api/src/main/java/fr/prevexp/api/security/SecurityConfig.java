package fr.prevexp.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.prevexp.engine.Trade;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import java.io.IOException;
import java.net.URI;

/**
 * Every call to the partner API is authenticated (HTTP Basic or a bearer token). Roles are the
 * partner trades of docs/api.md; which act a trade may record is checked per act, access per dossier by
 * {@link DossierAccess}. Failed logins are limited per source address ({@link LoginThrottle}).
 */
@Configuration
@EnableConfigurationProperties({PartnerAccounts.class, LoginThrottle.Settings.class})
public class SecurityConfig {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService partnerUsers(PartnerAccounts accounts) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (PartnerAccounts.Account a : accounts.all()) {
            users.createUser(User.withUsername(a.getLogin()).password(a.getPassword())
                    .authorities("ROLE_" + a.getRole().name(), PartnerAccounts.ORGANISATION_PREFIX + a.getOrganisation())
                    .build());
        }
        return users;
    }

    /**
     * The partners' logins and passwords, checked against {@link #partnerUsers} once per period and then remembered
     * ({@link VerifiedCredentials}); the passwords stay as configured (no re-encoding of {@code {noop}} demo ones).
     */
    @Bean
    public org.springframework.security.authentication.AuthenticationProvider partnerAuthentication(UserDetailsService partnerUsers,
                                                                                                  PasswordEncoder passwordEncoder) {
        org.springframework.security.authentication.dao.DaoAuthenticationProvider dao =
                new org.springframework.security.authentication.dao.DaoAuthenticationProvider(partnerUsers);
        dao.setPasswordEncoder(passwordEncoder);
        return new VerifiedCredentials(dao);
    }

    /** Production refuses to start without its secrets (before any other bean is created). */
    @Bean
    public static ProductionSecrets productionSecrets() {
        return new ProductionSecrets();
    }

    @Bean
    public LoginThrottle loginThrottle(LoginThrottle.Settings settings, Clock clock) {
        return new LoginThrottle(settings, clock);
    }

    /** Before Spring Security and Camunda's filters: an address over its limit never reaches a password check. */
    @Bean
    public FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
        FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, json));
        registration.setName("prevexp-login-throttle");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    /** The roles that record acts: every partner role but the read-only auditors. */
    private static final String[] WRITING_ROLES = Arrays.stream(Trade.values())
            .filter(t -> t != Trade.AUDITOR && t != Trade.PROCEDURE).map(Trade::name).toArray(String[]::new);

    /**
     * The partner API: every method needs an account (HEAD and OPTIONS too); reading needs any
     * partner role, writing a role that records acts (not {@code AUDITOR}); administration is for
     * {@code CCAPEX}. Which dossier a partner may touch is {@link DossierAccess}'s; which act it may
     * record, the act's ({@link fr.prevexp.engine.ActType#recordableBy}).
     */
    @Bean
    @Order(10)
    public SecurityFilterChain partnerApi(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> jwt) throws Exception {
        // Partners send their account with each call (Basic or bearer) and get no session; the workspace's pages call the same
        // API with the session of their login form, and then, for what changes something, with the CSRF token of that session.
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setAllowSessionCreation(false);
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.csrfTokenRepository(CSRF_TOKENS).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfig::browserSessionWrite))
                .securityContext(c -> c.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), sessions)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/admin/**").hasRole(Trade.CCAPEX.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/api/**").authenticated()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").authenticated()
                        .anyRequest().hasAnyRole(WRITING_ROLES))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated(json, "prevexp",
                        "Identifiez-vous avec un compte partenaire (HTTP Basic).")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(unauthenticated(json, "prevexp", "Identifiez-vous avec un compte partenaire (HTTP Basic)."))
                        .accessDeniedHandler((request, response, e) ->
                                problem(json, response, HttpStatus.FORBIDDEN, "forbidden", "Accès refusé", e instanceof CsrfException
                                        ? "Jeton de session (CSRF) absent ou périmé : rechargez la page."
                                        : "Le rôle de ce compte ne permet pas cette opération.", request.getRequestURI())));
        if (jwt.getIfAvailable() != null) {
            // Production: partners may also present bearer tokens of the configured issuer
            // (spring.security.oauth2.resourceserver.jwt.*), with the claims "role" and "organisation".
            http.oauth2ResourceServer(o -> o
                    .jwt(j -> j.jwtAuthenticationConverter(SecurityConfig::partnerToken))
                    .authenticationEntryPoint((request, response, e) -> problem(json, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                            "Authentification requise", "Jeton d'accès invalide : " + e.getMessage(), request.getRequestURI())));
        }
        return http.build();
    }

    /** The CSRF token of a browser session: a cookie the pages' scripts read and send back as the {@code X-XSRF-TOKEN} header. */
    static final CookieCsrfTokenRepository CSRF_TOKENS = CookieCsrfTokenRepository.withHttpOnlyFalse();

    /** A write of the API by a page of the workspace: an unsafe method, with the browser's session and no account of its own. */
    static boolean browserSessionWrite(HttpServletRequest request) {
        return !Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod())
                && request.getRequestedSessionId() != null && request.getHeader("Authorization") == null;
    }

    /** The pages that everyone with a partner account uses; the dashboard only for the secretariat, the préfecture and auditors. */
    static final String[] DASHBOARD_ROLES = {Trade.CCAPEX.name(), Trade.PREFECTURE.name(), Trade.AUDITOR.name()};

    /**
     * The workspace in the browser (<i>espace de travail</i>): the dossier list and pages, the
     * dashboard (<i>tableau de bord</i>, for the secretariat, the préfecture and auditors), with a
     * login page and a logout (a session; HTTP Basic is still accepted, for scripts). Which dossier
     * a page shows is the API's rule ({@link DossierAccess}).
     */
    @Bean
    @Order(15)
    public SecurityFilterChain workspace(HttpSecurity http, ObjectMapper json) throws Exception {
        // A browser's page is sent to the login page; a script or a data call gets 401 problem+json, as on the API.
        MediaTypeRequestMatcher page = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        page.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        java.util.LinkedHashMap<org.springframework.security.web.util.matcher.RequestMatcher, AuthenticationEntryPoint> byKind = new java.util.LinkedHashMap<>();
        byKind.put(page, new LoginUrlAuthenticationEntryPoint("/login"));
        DelegatingAuthenticationEntryPoint login = new DelegatingAuthenticationEntryPoint(byKind);
        login.setDefaultEntryPoint(unauthenticated(json, "Espace de travail CCAPEX", "Identifiez-vous avec un compte partenaire."));
        http.securityMatcher("/dashboard", "/dashboard/**", "/dossiers", "/dossiers/**", "/workspace/**", "/webjars/**", "/dsfr/**",
                        "/login", "/logout")
                .csrf(csrf -> csrf.csrfTokenRepository(CSRF_TOKENS).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .addFilterAfter(new CsrfCookieFilter(), org.springframework.security.web.csrf.CsrfFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/dsfr/**", "/workspace/**", "/webjars/**", "/login").permitAll()
                        .requestMatchers("/dashboard", "/dashboard/**").hasAnyRole(DASHBOARD_ROLES)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/dossiers").failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(login))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(login)
                        .accessDeniedHandler((request, response, e) ->
                        problem(json, response, HttpStatus.FORBIDDEN, "forbidden", "Accès refusé", request.getRequestURI().startsWith("/dashboard")
                                ? "Le tableau de bord est réservé au secrétariat de la CCAPEX, à la préfecture et aux auditeurs."
                                : "Jeton de session (CSRF) absent ou périmé : rechargez la page.", request.getRequestURI())));
        return http.build();
    }

    /** Loads the deferred CSRF token on every page, so that its cookie is there for the page's scripts and the login form. */
    static final class CsrfCookieFilter extends org.springframework.web.filter.OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, jakarta.servlet.FilterChain chain)
                throws jakarta.servlet.ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) token.getToken();
            chain.doFilter(request, response);
        }
    }

    /** The OpenAPI document and Swagger UI are public: partners build against them. */
    @Bean
    @Order(20)
    public SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    /**
     * The actuator: health (up or down, no details) for anyone, e.g. a load balancer; every other
     * endpoint (info, metrics) only for the secretariat ({@code CCAPEX}).
     */
    @Bean
    @Order(25)
    public SecurityFilterChain actuator(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint login = unauthenticated(json, "prevexp", "Identifiez-vous avec un compte du secrétariat de la CCAPEX (HTTP Basic).");
        http.securityMatcher("/actuator", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(Trade.CCAPEX.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(login))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(login).accessDeniedHandler((request, response, e) ->
                        problem(json, response, HttpStatus.FORBIDDEN, "forbidden", "Accès refusé",
                                "Les points de supervision autres que health sont réservés au secrétariat de la CCAPEX.", request.getRequestURI())));
        return http.build();
    }

    /** 401 problem+json, with the challenge that makes a browser ask for an account. */
    private static AuthenticationEntryPoint unauthenticated(ObjectMapper json, String realm, String detail) {
        return (request, response, e) -> {
            // not to a page's own data call (its session has expired): the page sends the user to its login form, not a Basic pop-up
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
            problem(json, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentification requise", detail, request.getRequestURI());
        };
    }

    /** A bearer token's claims as a partner: {@code role} (a trade of docs/api.md), {@code organisation}, the login in {@code sub}. */
    static AbstractAuthenticationToken partnerToken(Jwt token) {
        String role = token.getClaimAsString("role");
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (role != null && java.util.Arrays.stream(Trade.values()).anyMatch(t -> t.name().equals(role) && t != Trade.PROCEDURE)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        String organisation = token.getClaimAsString("organisation");
        authorities.add(new SimpleGrantedAuthority(PartnerAccounts.ORGANISATION_PREFIX + (organisation != null ? organisation : token.getSubject())));
        return new JwtAuthenticationToken(token, authorities, token.getSubject());
    }

    static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String type, String title,
                        String detail, String instance) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://prevexp.fr/problems/" + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(instance));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }
}
