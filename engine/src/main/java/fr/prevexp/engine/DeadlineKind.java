package fr.prevexp.engine;

/** The legal deadlines of the procedure (<i>délais légaux</i>), the keys of the DOMAIN deadline table. */
public enum DeadlineKind {
    /** délai du commandement de payer (2 mois, ou 6 semaines depuis la loi du 27 juillet 2023) */
    PAYMENT_ORDER_DELAY("délai du commandement de payer"),
    /** signalement du commandement de payer à la CCAPEX */
    CCAPEX_REPORT("signalement du commandement de payer à la CCAPEX"),
    /** délai de 2 mois entre la saisine de la CCAPEX par une personne morale et l'assignation */
    CCAPEX_REFERRAL_BEFORE_SUMMONS("délai entre saisine de la CCAPEX et assignation"),
    /** notification de l'assignation au préfet avant l'audience */
    PREFECT_NOTICE_BEFORE_HEARING("notification de l'assignation au préfet avant l'audience"),
    /** entretien du diagnostic social et financier proposé sous 15 jours ouvrés */
    SOCIAL_DIAGNOSIS_INTERVIEW("entretien du diagnostic social et financier"),
    /** transmission du diagnostic social et financier au juge avant l'audience */
    SOCIAL_DIAGNOSIS_BEFORE_HEARING("transmission du DSF au juge avant l'audience"),
    /** délais de paiement accordés par le juge */
    PAYMENT_DELAYS("délais de paiement"),
    /** délais de grâce pour quitter les lieux */
    GRACE_PERIOD("délais pour quitter les lieux"),
    /** délai de 2 mois après le commandement de quitter les lieux */
    NOTICE_TO_QUIT_DELAY("délai du commandement de quitter les lieux"),
    /** délai de décision du préfet sur le concours de la force publique */
    POLICE_ASSISTANCE_DECISION("décision du préfet sur le concours de la force publique"),
    /** trêve hivernale */
    WINTER_TRUCE("trêve hivernale"),
    /** première date possible de l'expulsion */
    EARLIEST_EVICTION("première date possible de l'expulsion"),
    /** information du SIAO avant l'expulsion */
    SIAO_NOTICE("information du SIAO avant l'expulsion"),
    /** délai de relogement après reconnaissance DALO */
    DALO_REHOUSING("délai de relogement DALO"),
    /** protocole de cohésion sociale */
    PROTOCOL("protocole de cohésion sociale"),
    /** signalement de l'impayé à la CAF / MSA */
    UNPAID_RENT_TO_CAF("signalement de l'impayé à la CAF / MSA"),
    /** suspension des mesures d'expulsion (surendettement) */
    OVER_INDEBTEDNESS_SUSPENSION("suspension des mesures d'expulsion (surendettement)"),
    /** mesure d'accompagnement social (ASLL) */
    SUPPORT_MEASURE("mesure d'accompagnement social");

    private final String french;

    DeadlineKind(String french) { this.french = french; }

    public String french() { return french; }
}
