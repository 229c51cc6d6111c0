package fr.prevexp.engine.calendar;

/** Units in which the law counts delays (<i>unités de délai</i>). */
public enum DurationUnit {
    /** mois : du jour de l'acte au même quantième N mois plus tard (dernier jour d'un mois plus court) */
    MONTHS,
    /** semaines : 7 jours chacune */
    WEEKS,
    /** jours calendaires */
    DAYS,
    /** jours ouvrés : hors samedis, dimanches et jours fériés */
    WORKING_DAYS
}
