package fr.prevexp.projections.cases;

import fr.prevexp.engine.Parc;
import fr.prevexp.engine.Stage;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CaseSummaryRepository extends JpaRepository<CaseSummaryEntity, String> {

    /** The case list, filtered; {@code organisation} null means every dossier (secretariat, préfecture, auditors). */
    @Query("""
            select c from CaseSummaryEntity c
            where (:stage is null or c.stage = :stage)
              and (:territory is null or c.territory = :territory)
              and (:parc is null or c.parc = :parc)
              and (:organisation is null or exists (
                    select p from CasePartyEntity p where p.caseId = c.caseId and p.organisation = :organisation))
            """)
    Page<CaseSummaryEntity> search(@Param("stage") Stage stage, @Param("territory") String territory,
                                   @Param("parc") Parc parc, @Param("organisation") String organisation, Pageable pageable);
}
