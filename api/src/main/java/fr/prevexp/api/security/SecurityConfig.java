package fr.prevexp.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.prevexp.engine.Trade;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
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

import java.util.ArrayList;
import java.util.List;

import java.io.IOException;
import java.net.URI;

/**
 * Every call to the partner API is authenticated (HTTP Basic). Roles are the partner trades of
 * API.md; which act a trade may record is checked per act, read access per dossier.
 */
@Configuration
@EnableConfigurationProperties(PartnerAccounts.class)
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

    @Bean
    @Order(10)
    public SecurityFilterChain partnerApi(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> jwt) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/admin/**").hasRole(Trade.CCAPEX.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .anyRequest().not().hasRole(Trade.AUDITOR.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"prevexp\"");
                    problem(json, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                            "Send the credentials of a partner account (HTTP Basic).", request.getRequestURI());
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problem(json, response, HttpStatus.FORBIDDEN, "Forbidden",
                                "This account's role may not do this.", request.getRequestURI())));
        if (jwt.getIfAvailable() != null) {
            // Production: partners may also present bearer tokens of the configured issuer
            // (spring.security.oauth2.resourceserver.jwt.*), with the claims "role" and "organisation".
            http.oauth2ResourceServer(o -> o
                    .jwt(j -> j.jwtAuthenticationConverter(SecurityConfig::partnerToken))
                    .authenticationEntryPoint((request, response, e) -> problem(json, response, HttpStatus.UNAUTHORIZED,
                            "Authentication required", "Invalid bearer token: " + e.getMessage(), request.getRequestURI())));
        }
        return http.build();
    }

    /**
     * The dashboard (<i>tableau de bord</i>) is for the secretariat, the préfecture and auditors; the
     * browser asks for the same accounts (HTTP Basic) and keeps them for the page's data calls.
     */
    @Bean
    @Order(15)
    public SecurityFilterChain dashboard(HttpSecurity http, ObjectMapper json) throws Exception {
        http.securityMatcher("/dashboard", "/dashboard/**", "/webjars/**")
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole(Trade.CCAPEX.name(), Trade.PREFECTURE.name(), Trade.AUDITOR.name()))
                .httpBasic(basic -> basic.realmName("Tableau de bord CCAPEX"))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problem(json, response, HttpStatus.FORBIDDEN, "Forbidden",
                                "The dashboard is for the CCAPEX secretariat, the préfecture and auditors.", request.getRequestURI())));
        return http.build();
    }

    /** The OpenAPI document and Swagger UI are public: partners build against them. */
    @Bean
    @Order(20)
    public SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**", "/actuator/health")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }

    /** A bearer token's claims as a partner: {@code role} (a trade of API.md), {@code organisation}, the login in {@code sub}. */
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

    static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title,
                        String detail, String instance) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(instance));
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }
}
