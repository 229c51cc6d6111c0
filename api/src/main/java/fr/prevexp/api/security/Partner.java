package fr.prevexp.api.security;

import fr.prevexp.engine.Parties;
import fr.prevexp.engine.RecordedBy;
import fr.prevexp.engine.Trade;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;


/** The authenticated caller: its login, trade (role) and organisation (<i>partenaire</i>). */
public record Partner(String login, Trade trade, String organisation) {
    public static Partner of(Authentication authentication) {
        String organisation = authentication.getName();
        Trade trade = null;
        for (GrantedAuthority a : authentication.getAuthorities()) {
            String name = a.getAuthority();
            if (name.startsWith("ROLE_")) trade = Trade.valueOf(name.substring(5));
            if (name.startsWith(PartnerAccounts.ORGANISATION_PREFIX)) organisation = name.substring(PartnerAccounts.ORGANISATION_PREFIX.length());
        }
        if (trade == null) throw new org.springframework.security.access.AccessDeniedException("no partner role for " + authentication.getName());
        return new Partner(authentication.getName(), trade, organisation);
    }

    /** The secretariat, the préfecture and auditors (see {@link fr.prevexp.engine.Parties}). */
    public boolean readsEveryDossier() {
        return Parties.readsEveryDossier(trade);
    }

    public RecordedBy recordedBy() {
        return new RecordedBy(trade, organisation, login);
    }
}
