package fr.prevexp.api.security;

import fr.prevexp.engine.Trade;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * Partner accounts from configuration ({@code prevexp.security.accounts}); on the embedded default
 * ({@code prevexp.security.demo-accounts=true}) one demo account per role is added, login =
 * password = the role in lower case ({@code ccapex}/{@code ccapex}, {@code commissaire}/{@code commissaire}...).
 * Production turns the demo accounts off and lists real accounts, with encoded passwords
 * ({@code {bcrypt}...}).
 */
@ConfigurationProperties(prefix = "prevexp.security")
public class PartnerAccounts {
    static final String ORGANISATION_PREFIX = "ORG_";

    private boolean demoAccounts = false;
    private List<Account> accounts = new ArrayList<>();

    public boolean isDemoAccounts() { return demoAccounts; }
    public void setDemoAccounts(boolean demoAccounts) { this.demoAccounts = demoAccounts; }
    public List<Account> getAccounts() { return accounts; }
    public void setAccounts(List<Account> accounts) { this.accounts = accounts; }

    /** Every account in force: the configured ones, plus the demo ones when enabled. */
    public List<Account> all() {
        List<Account> all = new ArrayList<>(accounts);
        if (demoAccounts) {
            for (Trade trade : Trade.values()) {
                if (trade == Trade.PROCEDURE) continue;
                String login = trade.name().toLowerCase().replace('_', '-');
                if (all.stream().noneMatch(a -> a.getLogin().equals(login))) {
                    all.add(new Account(login, "{noop}" + login, trade, "demo-" + login));
                }
            }
        }
        return all;
    }

    public static class Account {
        private String login;
        private String password;
        private Trade role;
        private String organisation;

        public Account() {
        }

        public Account(String login, String password, Trade role, String organisation) {
            this.login = login;
            this.password = password;
            this.role = role;
            this.organisation = organisation;
        }

        public String getLogin() { return login; }
        public void setLogin(String login) { this.login = login; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public Trade getRole() { return role; }
        public void setRole(Trade role) { this.role = role; }
        public String getOrganisation() { return organisation == null ? login : organisation; }
        public void setOrganisation(String organisation) { this.organisation = organisation; }
    }
}
