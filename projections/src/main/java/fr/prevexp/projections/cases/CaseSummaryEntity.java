package fr.prevexp.projections.cases;

import fr.prevexp.engine.Parc;
import fr.prevexp.engine.Stage;
import fr.prevexp.engine.Limits;
import jakarta.persistence.*;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of the case list (<i>liste des dossiers</i>), written only by {@link CaseListProjection}. */
@Entity
@Table(name = "rm_case_summary", indexes = {
        @Index(name = "ix_case_summary_territory", columnList = "territory"),
        @Index(name = "ix_case_summary_stage", columnList = "stage"),
        // the list's order (newest opening first) and the search by reference: no full scan at a million dossiers
        @Index(name = "ix_case_summary_opened", columnList = "openedOn DESC, caseId DESC"),
        @Index(name = "ix_case_summary_reference", columnList = "reference")})
public class CaseSummaryEntity {
    @Id
    @Column(length = Limits.CASE_ID)
    private String caseId;
    @Column(length = Limits.REFERENCE)
    private String reference;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Parc parc;
    @Column(length = 8)
    private String territory;
    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private Stage stage;
    @Column(precision = Limits.AMOUNT_PRECISION, scale = Limits.AMOUNT_SCALE)
    private BigDecimal debt;
    private LocalDate openedOn;
    private LocalDate lastActOn;
    @Column(length = Limits.CODE)
    private String lastActType;
    private int irregularities;
    /** Sequence number of the last event folded, so that a re-delivered event changes nothing. */
    private long lastSequence = -1;

    protected CaseSummaryEntity() {
    }

    CaseSummaryEntity(String caseId) {
        this.caseId = caseId;
    }

    public String getCaseId() { return caseId; }
    public String getReference() { return reference; }
    public Parc getParc() { return parc; }
    public String getTerritory() { return territory; }
    public Stage getStage() { return stage; }
    public BigDecimal getDebt() { return debt; }
    public LocalDate getOpenedOn() { return openedOn; }
    public LocalDate getLastActOn() { return lastActOn; }
    public String getLastActType() { return lastActType; }
    public int getIrregularities() { return irregularities; }
    long getLastSequence() { return lastSequence; }

    void opened(String reference, Parc parc, String territory, BigDecimal debt, LocalDate openedOn) {
        this.reference = reference;
        this.parc = parc;
        this.territory = territory;
        this.debt = debt;
        this.openedOn = openedOn;
        this.stage = Stage.PRE_LITIGATION;
    }

    void stage(Stage stage) { this.stage = stage; }
    void debt(BigDecimal debt) { this.debt = debt; }
    void lastAct(String type, LocalDate on) { this.lastActType = type; this.lastActOn = on; }
    void irregularity() { this.irregularities++; }

    void irregularityWithdrawn() { this.irregularities = Math.max(0, this.irregularities - 1); }
    void sequence(long sequence) { this.lastSequence = sequence; }
}
