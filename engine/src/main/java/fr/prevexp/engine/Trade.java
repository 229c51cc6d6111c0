package fr.prevexp.engine;

/**
 * The trade of whoever records an act: a partner role of the public API, or the procedure itself
 * (acts the BPMN process records when a deadline elapses).
 */
public enum Trade {
    /** secrétariat de la CCAPEX (préfecture : DDETS, DRIHL) */
    CCAPEX("secrétariat de la CCAPEX"),
    /** commissaire de justice (ex-huissier) */
    COMMISSAIRE("commissaire de justice"),
    /** bailleur social ou privé */
    BAILLEUR("bailleur"),
    /** CAF ou MSA (organismes payeurs des aides au logement) */
    CAF("CAF / MSA"),
    /** conseil départemental, CCAS (diagnostic social et financier, FSL, accompagnement) */
    SERVICE_SOCIAL("service social (conseil départemental, CCAS)"),
    /** préfecture (bureau des expulsions, sous-préfectures, COMEX) */
    PREFECTURE("préfecture"),
    /** Banque de France (commission de surendettement) */
    BANQUE_DE_FRANCE("Banque de France"),
    /** service intégré d'accueil et d'orientation */
    SIAO("SIAO"),
    /** commission de médiation DALO */
    COMED("commission de médiation DALO (COMED)"),
    /** auditeur (lecture seule, historique complet) */
    AUDITOR("auditeur"),
    /** la procédure elle-même (moteur BPMN : échéances, refus implicites) */
    PROCEDURE("procédure (moteur)");

    private final String french;

    Trade(String french) { this.french = french; }

    public String french() { return french; }
}
