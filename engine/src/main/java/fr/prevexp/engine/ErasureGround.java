package fr.prevexp.engine;

/** Why a dossier's personal data was erased (<i>motif de l'effacement</i>). */
public enum ErasureGround {
    /** The household exercised its right to erasure, or the secretariat decided it (<i>demande</i>). */
    REQUEST("à la demande (droit à l'effacement)"),
    /** The retention period after the closure ran out (<i>durée de conservation échue</i>). */
    RETENTION_ELAPSED("durée de conservation échue");

    private final String french;

    ErasureGround(String french) {
        this.french = french;
    }

    public String french() {
        return french;
    }
}
