package fr.prevexp.engine;

/** Who brought the dossier to the CCAPEX (<i>origine du signalement ou de la saisine</i>). */
public enum CaseSource {
    /** CAF */ CAF,
    /** MSA */ MSA,
    /** bailleur social */ BAILLEUR_SOCIAL,
    /** bailleur privé */ BAILLEUR_PRIVE,
    /** commissaire de justice (signalement du commandement de payer) */ COMMISSAIRE,
    /** service social */ SERVICE_SOCIAL,
    /** le ménage lui-même */ MENAGE,
    /** préfecture (assignation notifiée) */ PREFECTURE
}
