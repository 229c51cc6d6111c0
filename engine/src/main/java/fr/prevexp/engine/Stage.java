package fr.prevexp.engine;

/** Stage of the procedure a dossier has reached (<i>étape de la procédure</i>). */
public enum Stage {
    /** phase précontentieuse */
    PRE_LITIGATION("phase précontentieuse"),
    /** commandement de payer signifié */
    PAYMENT_ORDER("commandement de payer"),
    /** assignation délivrée */
    SUMMONS("assignation"),
    /** audience tenue */
    HEARING("audience"),
    /** jugement rendu */
    JUDGMENT("jugement"),
    /** commandement de quitter les lieux signifié */
    NOTICE_TO_QUIT("commandement de quitter les lieux"),
    /** réquisition du concours de la force publique */
    POLICE_ASSISTANCE_REQUESTED("réquisition du concours de la force publique"),
    /** concours de la force publique accordé */
    POLICE_ASSISTANCE_GRANTED("concours de la force publique accordé"),
    /** concours de la force publique refusé (explicitement ou implicitement) */
    POLICE_ASSISTANCE_REFUSED("concours de la force publique refusé"),
    /** expulsion réalisée */
    EVICTED("expulsion réalisée"),
    /** départ du ménage (remise des clés) */
    LEFT("départ (remise des clés)"),
    /** dossier clôturé */
    CLOSED("dossier clôturé");

    private final String french;

    Stage(String french) { this.french = french; }

    public String french() { return french; }
}
