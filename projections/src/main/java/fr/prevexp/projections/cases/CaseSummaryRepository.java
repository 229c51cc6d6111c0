package fr.prevexp.projections.cases;

import fr.prevexp.engine.DeadlineStatus;
import fr.prevexp.engine.Parc;
import fr.prevexp.engine.Stage;
import fr.prevexp.projections.deadlines.DeadlineEntry;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

public interface CaseSummaryRepository extends JpaRepository<CaseSummaryEntity, String>, JpaSpecificationExecutor<CaseSummaryEntity> {

    /** The case list, filtered; {@code organisation} null means every dossier (secretariat, préfecture, auditors). */
    default Page<CaseSummaryEntity> search(Stage stage, String territory, Parc parc, String organisation, Pageable pageable) {
        return search(new Filter(stage, territory, parc, organisation, null, null, null), pageable);
    }

    /**
     * The filters of the case list; null means no condition. {@code caseIds}: the dossiers a search
     * found ({@link #idsByReferencePrefix}, {@link #idsByNameWordPrefix}); {@code dueFrom}–{@code dueTo}:
     * a pending deadline due in those days (overdue, or due this week).
     */
    record Filter(Stage stage, String territory, Parc parc, String organisation, Collection<String> caseIds,
                  LocalDate dueFrom, LocalDate dueTo) {
    }

    /**
     * The case list: only the conditions that are given enter the query (no {@code ? is null or}
     * that would keep the database from its indexes), so that a page and its count stay fast at a
     * million dossiers.
     */
    default Page<CaseSummaryEntity> search(Filter f, Pageable pageable) {
        Specification<CaseSummaryEntity> spec = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (f.stage() != null) all.add(cb.equal(root.get("stage"), f.stage()));
            if (f.territory() != null) all.add(cb.equal(root.get("territory"), f.territory()));
            if (f.parc() != null) all.add(cb.equal(root.get("parc"), f.parc()));
            if (f.caseIds() != null) all.add(f.caseIds().isEmpty() ? cb.disjunction() : root.get("caseId").in(f.caseIds()));
            if (f.organisation() != null) {
                Subquery<String> party = query.subquery(String.class);
                var p = party.from(CasePartyEntity.class);
                party.select(p.get("caseId")).where(cb.equal(p.get("caseId"), root.get("caseId")), cb.equal(p.get("organisation"), f.organisation()));
                all.add(cb.exists(party));
            }
            if (f.dueFrom() != null) {
                Subquery<String> due = query.subquery(String.class);
                var d = due.from(DeadlineEntry.class);
                due.select(d.get("caseId")).where(cb.equal(d.get("status"), DeadlineStatus.PENDING),
                        cb.between(d.get("dueOn"), f.dueFrom(), f.dueTo()));
                all.add(root.get("caseId").in(due));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        return findAll(spec, pageable);
    }

    /** The dossiers whose reference starts so (a LIKE pattern, escape character {@code !}), through the reference's index. */
    @Query("select c.caseId from CaseSummaryEntity c where c.reference like :prefix escape '!'")
    List<String> idsByReferencePrefix(@Param("prefix") String prefix, Pageable limit);
}
