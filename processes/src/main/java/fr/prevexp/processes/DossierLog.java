package fr.prevexp.processes;

/**
 * The dossier's event log as the procedure may consult it before concluding on a deadline: which
 * partner acts it already holds beyond those the procedure has applied.
 */
public interface DossierLog {
    /**
     * The sequence number of the latest act recorded by a partner (not by the procedure) after
     * {@code applied}, the last sequence the procedure has applied; {@code applied} when there is none.
     */
    long lastPartnerActAfter(String caseId, long applied);
}
