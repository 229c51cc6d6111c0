package fr.prevexp.api.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Production refuses to start without its secrets. With the demo accounts off
 * ({@code prevexp.security.demo-accounts=false}, as in the {@code postgres} profile) the
 * application stops before it touches the database or starts the engine when:
 * <ul>
 *   <li>the engine administrator's password ({@code PREVEXP_CAMUNDA_ADMIN_PASSWORD}) is missing,
 *       blank, an unresolved placeholder, the administrator's login, or a well-known default;</li>
 *   <li>there is no partner account ({@code prevexp.security.accounts}) and no bearer-token issuer
 *       ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 *       {@code public-key-location});</li>
 *   <li>a configured account lacks its login, password or role.</li>
 * </ul>
 * (A bean factory post-processor: it runs before any bean is created, so nothing is written with a
 * placeholder password.)
 */
public class ProductionSecrets implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {
    /** Passwords that are public: the embedded default's and the usual ones. */
    private static final Set<String> WELL_KNOWN = Set.of("ccapex", "admin", "demo", "password", "changeme", "camunda", "secret");
    private static final List<String> ISSUER_PROPERTIES = List.of("spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "spring.security.oauth2.resourceserver.jwt.public-key-location");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> missing = missing(environment);
        if (!missing.isEmpty()) throw new MissingSecretsException(missing);
    }

    /** What production lacks; empty when it may start (always empty with the demo accounts on). */
    static List<String> missing(Environment env) {
        List<String> missing = new ArrayList<>();
        if (env.getProperty("prevexp.security.demo-accounts", Boolean.class, false)) return missing;
        Binder binder = Binder.get(env);
        String adminId = binder.bind("camunda.bpm.admin-user.id", String.class).orElse(null);
        if (adminId != null && !adminId.isBlank()) {
            String password = binder.bind("camunda.bpm.admin-user.password", String.class).orElse(null);
            if (unset(password)) {
                missing.add("PREVEXP_CAMUNDA_ADMIN_PASSWORD (camunda.bpm.admin-user.password): the password of the engine administrator '"
                        + adminId + "' is missing or blank");
            } else if (password.equalsIgnoreCase(adminId) || WELL_KNOWN.contains(password.toLowerCase(Locale.ROOT))) {
                missing.add("PREVEXP_CAMUNDA_ADMIN_PASSWORD (camunda.bpm.admin-user.password): the password of the engine administrator '"
                        + adminId + "' is a public default; choose a secret one");
            }
        }
        List<PartnerAccounts.Account> accounts = binder.bind("prevexp.security.accounts",
                Bindable.listOf(PartnerAccounts.Account.class)).orElse(List.of());
        boolean issuer = ISSUER_PROPERTIES.stream().anyMatch(p -> !unset(env.getProperty(p)));
        if (accounts.isEmpty() && !issuer) {
            missing.add("prevexp.security.accounts: no partner account and no bearer-token issuer "
                    + "(spring.security.oauth2.resourceserver.jwt.issuer-uri, jwk-set-uri or public-key-location): nobody could use the API");
        }
        for (int i = 0; i < accounts.size(); i++) {
            PartnerAccounts.Account a = accounts.get(i);
            String name = "prevexp.security.accounts[" + i + "]" + (unset(a.getLogin()) ? "" : " (" + a.getLogin() + ")");
            if (unset(a.getLogin())) missing.add(name + ".login is missing");
            if (unset(a.getPassword())) missing.add(name + ".password is missing (an encoded password, e.g. {bcrypt}...)");
            if (a.getRole() == null) missing.add(name + ".role is missing");
        }
        return missing;
    }

    private static boolean unset(String value) {
        return value == null || value.isBlank() || value.contains("${");
    }

    /** The start is refused: production secrets are missing. */
    public static class MissingSecretsException extends IllegalStateException {
        private final List<String> missing;

        MissingSecretsException(List<String> missing) {
            super("Production refuses to start without its secrets (prevexp.security.demo-accounts is false):\n - "
                    + String.join("\n - ", missing));
            this.missing = List.copyOf(missing);
        }

        public List<String> missing() { return missing; }
    }

    /** Prints the missing secrets as Spring Boot's "APPLICATION FAILED TO START" report, without a stack trace. */
    public static class Analyzer extends AbstractFailureAnalyzer<MissingSecretsException> {
        @Override
        protected FailureAnalysis analyze(Throwable root, MissingSecretsException cause) {
            return new FailureAnalysis(cause.getMessage(),
                    "Set the secrets (environment variables or configuration), e.g. PREVEXP_CAMUNDA_ADMIN_PASSWORD and the partner "
                            + "accounts under prevexp.security.accounts; see the README, section \"PostgreSQL (production)\".", cause);
        }
    }
}
