package fr.prevexp.projections.deadlines;

import fr.prevexp.engine.Parc;
import fr.prevexp.engine.Limits;
import jakarta.persistence.*;

/** The dossier facts the deadline board shows beside each deadline. */
@Entity
@Table(name = "rm_deadline_case")
public class DeadlineCase {
    @Id
    @Column(length = Limits.CASE_ID)
    private String caseId;
    @Column(length = 8)
    private String territory;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Parc parc;
    @Column(length = Limits.REFERENCE)
    private String reference;
    private long lastSequence = -1;

    protected DeadlineCase() {
    }

    DeadlineCase(String caseId, String territory, Parc parc, String reference) {
        this.caseId = caseId;
        this.territory = territory;
        this.parc = parc;
        this.reference = reference;
    }

    public String getCaseId() { return caseId; }
    public String getTerritory() { return territory; }
    public Parc getParc() { return parc; }
    public String getReference() { return reference; }
    long getLastSequence() { return lastSequence; }
    void sequence(long sequence) { this.lastSequence = sequence; }
}
