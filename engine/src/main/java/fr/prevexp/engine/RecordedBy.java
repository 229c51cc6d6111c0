package fr.prevexp.engine;

import java.util.Objects;

/** Who recorded an act (<i>auteur de la saisie</i>): the partner's trade and the user's login. */
public record RecordedBy(Trade trade, String user) {
    public RecordedBy {
        Objects.requireNonNull(trade, "trade");
        Objects.requireNonNull(user, "user");
    }

    /** The procedure engine itself, for acts that timers and process decisions record. */
    public static RecordedBy procedure() {
        return new RecordedBy(Trade.PROCEDURE, "procedure");
    }
}
