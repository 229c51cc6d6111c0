package fr.prevexp.engine;

/**
 * Irregularities the secretariat must see (<i>irrégularités de procédure</i>): acts that really
 * happened and are therefore recorded, but late, out of order or in breach of a legal delay.
 */
public enum Irregularity {
    /** acte daté avant l'acte dont il dépend (ex. : assignation datée avant le commandement de payer) */
    ACT_DATED_BEFORE_PREREQUISITE("acte daté avant l'acte dont il dépend"),
    /** assignation délivrée avant l'expiration du délai du commandement de payer */
    SUMMONS_BEFORE_PAYMENT_ORDER_DELAY("assignation avant l'expiration du délai du commandement de payer"),
    /** assignation trop proche de l'audience pour la notification au préfet */
    SUMMONS_TOO_CLOSE_TO_HEARING("assignation trop proche de l'audience pour la notification au préfet"),
    /** assignation moins de 2 mois après la saisine de la CCAPEX par un bailleur personne morale */
    SUMMONS_TOO_SOON_AFTER_CCAPEX_REFERRAL("assignation moins de 2 mois après la saisine de la CCAPEX"),
    /** diagnostic social et financier non transmis avant l'audience */
    SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING("DSF non transmis avant l'audience"),
    /** audience fixée à une date antérieure à l'assignation */
    HEARING_BEFORE_SUMMONS("audience fixée avant la date de l'assignation"),
    /** expulsion réalisée pendant la trêve hivernale */
    EVICTION_DURING_WINTER_TRUCE("expulsion pendant la trêve hivernale"),
    /** expulsion réalisée avant la date à partir de laquelle le concours de la force publique permettait l'exécution */
    EVICTION_BEFORE_EXECUTION_DATE("expulsion avant la date d'exécution possible"),
    /** expulsion réalisée pendant la suspension des mesures d'expulsion (surendettement) */
    EVICTION_DURING_SUSPENSION("expulsion pendant la suspension des mesures d'expulsion");

    private final String french;

    Irregularity(String french) { this.french = french; }

    public String french() { return french; }
}
