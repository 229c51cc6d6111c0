package fr.prevexp.projections.cases;

import fr.prevexp.engine.Limits;
import jakarta.persistence.*;

import java.io.Serializable;
import java.util.Objects;

/**
 * A partner organisation party to a dossier (<i>partie au dossier</i>), as decided by
 * {@link fr.prevexp.engine.Parties} (opened it, named in it, designated by the secretariat).
 * Partners list only the dossiers they are party to.
 */
@Entity
@Table(name = "rm_case_party", indexes = @Index(name = "ix_case_party_org", columnList = "organisation"))
@IdClass(CasePartyEntity.Key.class)
public class CasePartyEntity {
    @Id
    @Column(length = Limits.CASE_ID)
    private String caseId;
    @Id
    @Column(length = Limits.ORGANISATION)
    private String organisation;

    protected CasePartyEntity() {
    }

    CasePartyEntity(String caseId, String organisation) {
        this.caseId = caseId;
        this.organisation = organisation;
    }

    public String getCaseId() { return caseId; }
    public String getOrganisation() { return organisation; }

    public static class Key implements Serializable {
        private String caseId;
        private String organisation;

        public Key() {
        }

        public Key(String caseId, String organisation) {
            this.caseId = caseId;
            this.organisation = organisation;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(caseId, k.caseId) && Objects.equals(organisation, k.organisation);
        }

        @Override
        public int hashCode() { return Objects.hash(caseId, organisation); }
    }
}
