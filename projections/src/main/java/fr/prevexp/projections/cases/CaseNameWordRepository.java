package fr.prevexp.projections.cases;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseNameWordRepository extends JpaRepository<CaseNameWord, CaseNameWord.Key> {
    /** Forgets a dossier's name words (its personal data erased). */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("delete from CaseNameWord w where w.caseId = :caseId")
    void deleteByCaseId(@org.springframework.data.repository.query.Param("caseId") String caseId);
}
