package fr.prevexp.engine;

/** Housing stock of the tenancy: <i>parc public</i> (social housing) or <i>parc privé</i> (private landlords). */
public enum Parc {
    /** parc public (logement social) */
    PUBLIC("parc public"),
    /** parc privé */
    PRIVATE("parc privé");

    private final String french;

    Parc(String french) { this.french = french; }

    public String french() { return french; }
}
