package fr.prevexp.engine;

/** Outcome of a closed dossier (<i>motif de clôture</i>). */
public enum CaseOutcome {
    /** dette soldée */ DEBT_CLEARED,
    /** maintien dans les lieux */ KEPT_IN_PLACE,
    /** relogement */ REHOUSED,
    /** départ volontaire */ LEFT_VOLUNTARILY,
    /** expulsion */ EVICTED,
    /** autre (désistement, décès, dossier sans suite) */ OTHER
}
