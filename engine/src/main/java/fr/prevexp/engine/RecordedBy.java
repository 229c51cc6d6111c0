package fr.prevexp.engine;

import java.util.Objects;

/**
 * Who recorded an act (<i>auteur de la saisie</i>): the partner's trade, its organisation (the
 * partner: a commissaire's practice, a landlord, a CAF...) and the user's login.
 */
public record RecordedBy(Trade trade, String organisation, String user) {
    public RecordedBy {
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(user, "user");
        if (organisation == null) organisation = user;
    }

    /** A user who is their own organisation. */
    public RecordedBy(Trade trade, String user) {
        this(trade, user, user);
    }

    /** The procedure engine itself, for acts that timers and process decisions record. */
    public static RecordedBy procedure() {
        return new RecordedBy(Trade.PROCEDURE, "procedure", "procedure");
    }
}
