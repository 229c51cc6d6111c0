package fr.prevexp.engine;

/** Social support measures (<i>mesures d'accompagnement</i>). */
public enum SupportMeasure {
    /** accompagnement social lié au logement (12 mois, renouvelable une fois) */ ASLL,
    /** mesure d'accompagnement social personnalisé */ MASP,
    /** accompagnement vers et dans le logement */ AVDL,
    /** visite d'anticipation */ ANTICIPATION_VISIT,
    /** équipe mobile de prévention des expulsions */ EMPEX,
    /** orientation vers le SIAO (hébergement, veille sociale) */ SIAO_ORIENTATION
}
