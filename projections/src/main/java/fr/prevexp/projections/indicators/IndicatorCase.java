package fr.prevexp.projections.indicators;

import fr.prevexp.engine.Parc;
import fr.prevexp.engine.Limits;
import jakarta.persistence.*;

import java.math.BigDecimal;

/** What the indicators projection remembers of a dossier between its events (territory, parc, current debt). */
@Entity
@Table(name = "rm_indicator_case")
public class IndicatorCase {
    @Id
    @Column(length = Limits.CASE_ID)
    private String caseId;
    @Column(length = 8)
    private String territory;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Parc parc;
    @Column(precision = Limits.AMOUNT_PRECISION, scale = Limits.AMOUNT_SCALE)
    private BigDecimal debt;

    protected IndicatorCase() {
    }

    IndicatorCase(String caseId, String territory, Parc parc, BigDecimal debt) {
        this.caseId = caseId;
        this.territory = territory;
        this.parc = parc;
        this.debt = debt;
    }

    public String getCaseId() { return caseId; }
    public String getTerritory() { return territory; }
    public Parc getParc() { return parc; }
    public BigDecimal getDebt() { return debt; }
    void debt(BigDecimal debt) { this.debt = debt; }
}
