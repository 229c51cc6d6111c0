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
    default Page<CaseSummaryEntity> search(Stage stage, String territory, Parc parc, String organisation, Pageable pageable) {
        return search(stage, territory, parc, organisation, null, null, null, null, pageable);
    }

    /**
     * The case list, filtered and searched, every condition on an index: {@code referencePrefix} a
     * LIKE pattern (escape character {@code !}) on the reference ({@code ABC%}) or, with {@code wordPrefix}, on a word of the
     * household's name ({@link CaseNameWord}); {@code dueFrom}–{@code dueTo} a pending deadline due
     * in those days (overdue, or due this week). Null means no condition.
     */
    @Query("""
            select c from CaseSummaryEntity c
            where (:stage is null or c.stage = :stage)
              and (:territory is null or c.territory = :territory)
              and (:parc is null or c.parc = :parc)
              and (:organisation is null or exists (
                    select p from CasePartyEntity p where p.caseId = c.caseId and p.organisation = :organisation))
              and (:referencePrefix is null or c.reference like :referencePrefix escape '!'
                   or c.caseId in (select w.caseId from CaseNameWord w where w.word like :wordPrefix escape '!'))
              and (:dueFrom is null or c.caseId in (select d.caseId from DeadlineEntry d
                    where d.status = fr.prevexp.engine.DeadlineStatus.PENDING and d.dueOn between :dueFrom and :dueTo))
            """)
    Page<CaseSummaryEntity> search(@Param("stage") Stage stage, @Param("territory") String territory,
                                   @Param("parc") Parc parc, @Param("organisation") String organisation,
                                   @Param("referencePrefix") String referencePrefix, @Param("wordPrefix") String wordPrefix,
                                   @Param("dueFrom") java.time.LocalDate dueFrom, @Param("dueTo") java.time.LocalDate dueTo,
                                   Pageable pageable);
}
