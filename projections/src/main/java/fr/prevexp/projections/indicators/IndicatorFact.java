package fr.prevexp.projections.indicators;

import fr.prevexp.engine.Parc;
import fr.prevexp.engine.Limits;
import jakarta.persistence.*;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One act of a dossier as the indicators need it (<i>fait</i>): its type, legal date, year,
 * territory and parc of the dossier, and what the indicators read of it (a code, a flag, an
 * amount). Keyed by the event's place in its stream, so a replay writes the very same rows.
 */
@Entity
@Table(name = "rm_indicator_fact", indexes = {
        @Index(name = "ix_fact_year", columnList = "factYear, territory, parc"),
        @Index(name = "ix_fact_case", columnList = "caseId")})
@IdClass(IndicatorFact.Key.class)
public class IndicatorFact {
    @Id
    @Column(length = Limits.CASE_ID)
    private String caseId;
    @Id
    private long sequence;
    @Column(length = Limits.CODE, nullable = false)
    private String type;
    private LocalDate occurredOn;
    private int factYear;
    @Column(length = 8)
    private String territory;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Parc parc;
    /** A code the act carries: judgment outcome, support measure kind, closure outcome... */
    @Column(length = Limits.CODE)
    private String code;
    /** A yes/no the act carries: tenant present at the hearing before a judgment, shelter solution... */
    private Boolean flag;
    @Column(precision = Limits.AMOUNT_PRECISION, scale = Limits.AMOUNT_SCALE)
    private BigDecimal amount;

    protected IndicatorFact() {
    }

    public IndicatorFact(String caseId, long sequence, String type, LocalDate occurredOn, String territory, Parc parc,
                         String code, Boolean flag, BigDecimal amount) {
        this.caseId = caseId;
        this.sequence = sequence;
        this.type = type;
        this.occurredOn = occurredOn;
        this.factYear = occurredOn.getYear();
        this.territory = territory;
        this.parc = parc;
        this.code = code;
        this.flag = flag;
        this.amount = amount;
    }

    public String getCaseId() { return caseId; }
    public long getSequence() { return sequence; }
    public String getType() { return type; }
    public LocalDate getOccurredOn() { return occurredOn; }
    public int getFactYear() { return factYear; }
    public String getTerritory() { return territory; }
    public Parc getParc() { return parc; }
    public String getCode() { return code; }
    public Boolean getFlag() { return flag; }
    public BigDecimal getAmount() { return amount; }

    public boolean is(String type) { return this.type.equals(type); }

    void flag(Boolean flag) { this.flag = flag; }

    void amount(BigDecimal amount) { this.amount = amount; }

    public static class Key implements Serializable {
        private String caseId;
        private long sequence;

        public Key() {
        }

        public Key(String caseId, long sequence) {
            this.caseId = caseId;
            this.sequence = sequence;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && sequence == k.sequence && Objects.equals(caseId, k.caseId);
        }

        @Override
        public int hashCode() { return Objects.hash(caseId, sequence); }
    }
}
