package fr.prevexp.projections.indicators;

import java.time.LocalDate;

/** An act of a dossier reduced to what the follow-up indicators compare: its type, code and legal date. */
public record DatedFact(String caseId, String type, String code, LocalDate occurredOn) {
    /** The first act of a type of a dossier in a year (query {@code firstOfYear}). */
    public DatedFact(String caseId, LocalDate occurredOn) {
        this(caseId, null, null, occurredOn);
    }

    public boolean is(String type) { return type.equals(this.type); }
}
