package fr.prevexp.projections.deadlines;

import fr.prevexp.engine.DeadlineKind;
import fr.prevexp.engine.DeadlineStatus;
import fr.prevexp.engine.Parc;
import fr.prevexp.engine.Limits;
import jakarta.persistence.*;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** One legal deadline of one dossier on the deadline board (<i>tableau des échéances</i>), keyed by the event that opened it. */
@Entity
@Table(name = "rm_deadline", indexes = {
        @Index(name = "ix_deadline_due", columnList = "status, dueOn, territory"),
        @Index(name = "ix_deadline_case", columnList = "caseId, kind")})
@IdClass(DeadlineEntry.Key.class)
public class DeadlineEntry {
    @Id
    @Column(length = Limits.CASE_ID)
    private String caseId;
    @Id
    private long openedBySequence;
    @Enumerated(EnumType.STRING)
    @Column(length = 48)
    private DeadlineKind kind;
    private LocalDate startsOn;
    private LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private DeadlineStatus status;
    @Column(length = 8)
    private String territory;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Parc parc;
    @Column(length = Limits.REFERENCE)
    private String reference;

    protected DeadlineEntry() {
    }

    DeadlineEntry(String caseId, long openedBySequence, DeadlineKind kind, LocalDate startsOn, LocalDate dueOn,
                  String territory, Parc parc, String reference) {
        this.caseId = caseId;
        this.openedBySequence = openedBySequence;
        this.kind = kind;
        this.startsOn = startsOn;
        this.dueOn = dueOn;
        this.status = DeadlineStatus.PENDING;
        this.territory = territory;
        this.parc = parc;
        this.reference = reference;
    }

    public String getCaseId() { return caseId; }
    public long getOpenedBySequence() { return openedBySequence; }
    public DeadlineKind getKind() { return kind; }
    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getDueOn() { return dueOn; }
    public DeadlineStatus getStatus() { return status; }
    public String getTerritory() { return territory; }
    public Parc getParc() { return parc; }
    public String getReference() { return reference; }
    void settle(DeadlineStatus status) { this.status = status; }
    /** <i>Échéance reportée</i>: a later act moved the last day. */
    void reschedule(LocalDate dueOn) { this.dueOn = dueOn; }

    public static class Key implements Serializable {
        private String caseId;
        private long openedBySequence;

        public Key() {
        }

        public Key(String caseId, long openedBySequence) {
            this.caseId = caseId;
            this.openedBySequence = openedBySequence;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && openedBySequence == k.openedBySequence && Objects.equals(caseId, k.caseId);
        }

        @Override
        public int hashCode() { return Objects.hash(caseId, openedBySequence); }
    }
}
