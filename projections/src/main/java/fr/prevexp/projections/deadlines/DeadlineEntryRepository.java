package fr.prevexp.projections.deadlines;

import fr.prevexp.engine.DeadlineKind;
import fr.prevexp.engine.DeadlineStatus;
import fr.prevexp.engine.Parc;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.LocalDate;
import java.util.List;

public interface DeadlineEntryRepository extends JpaRepository<DeadlineEntry, DeadlineEntry.Key> {
    List<DeadlineEntry> findByCaseIdAndKindAndStatusOrderByOpenedBySequenceDesc(String caseId, DeadlineKind kind, DeadlineStatus status);

    List<DeadlineEntry> findByCaseIdAndKindAndDueOnOrderByOpenedBySequenceDesc(String caseId, DeadlineKind kind, LocalDate dueOn);

    List<DeadlineEntry> findByCaseIdAndStatus(String caseId, DeadlineStatus status);

    @Query("""
            select d from DeadlineEntry d where d.status = :status and d.dueOn between :from and :to
              and (:territory is null or d.territory = :territory) and (:parc is null or d.parc = :parc)
              order by d.dueOn, d.caseId, d.openedBySequence""")
    List<DeadlineEntry> board(@Param("status") DeadlineStatus status, @Param("from") LocalDate from, @Param("to") LocalDate to,
                              @Param("territory") String territory, @Param("parc") Parc parc);
}
