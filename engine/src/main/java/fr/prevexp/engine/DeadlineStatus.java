package fr.prevexp.engine;

/** Status of a legal deadline in the case view (<i>statut de l'échéance</i>). */
public enum DeadlineStatus {
    /** en cours */
    PENDING("en cours"),
    /** respectée : l'acte attendu est intervenu dans le délai */
    MET("respectée"),
    /** échue */
    ELAPSED("échue"),
    /** sans objet (la procédure a pris un autre chemin) */
    CANCELLED("sans objet");

    private final String french;

    DeadlineStatus(String french) { this.french = french; }

    public String french() { return french; }
}
