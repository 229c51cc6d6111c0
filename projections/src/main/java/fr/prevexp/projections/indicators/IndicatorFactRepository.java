package fr.prevexp.projections.indicators;

import fr.prevexp.engine.Parc;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

public interface IndicatorFactRepository extends JpaRepository<IndicatorFact, IndicatorFact.Key> {
    /** The acts of the year counted by type, code, flag and parc (the procedure's deadline bookkeeping left out). */
    @Query("""
            select new fr.prevexp.projections.indicators.FactGroup(f.type, f.code, f.flag, f.parc, count(f))
              from IndicatorFact f where f.factYear = :year
              and (:territory is null or f.territory = :territory) and (:parc is null or f.parc = :parc)
              and f.type not in ('DeadlineScheduled', 'DeadlineElapsed', 'DeadlineMet', 'DeadlineCancelled', 'DeadlineRescheduled')
              group by f.type, f.code, f.flag, f.parc""")
    List<FactGroup> groups(@Param("year") int year, @Param("territory") String territory, @Param("parc") Parc parc);

    @Query("""
            select f.amount from IndicatorFact f where f.factYear = :year and f.type = :type and f.amount is not null
              and (:territory is null or f.territory = :territory) and (:parc is null or f.parc = :parc) order by f.amount""")
    List<BigDecimal> amounts(@Param("year") int year, @Param("territory") String territory, @Param("parc") Parc parc,
                             @Param("type") String type);

    @Query("""
            select new fr.prevexp.projections.indicators.DatedFact(f.caseId, min(f.occurredOn)) from IndicatorFact f
              where f.factYear = :year and f.type = :type
              and (:territory is null or f.territory = :territory) and (:parc is null or f.parc = :parc)
              group by f.caseId""")
    List<DatedFact> firstOfYear(@Param("year") int year, @Param("territory") String territory, @Param("parc") Parc parc,
                                @Param("type") String type);

    @Query("""
            select new fr.prevexp.projections.indicators.DatedFact(f.caseId, f.type, f.code, f.occurredOn) from IndicatorFact f
              where f.type in :types and f.factYear <= :untilYear and f.caseId in (
                select e.caseId from IndicatorFact e where e.factYear = :year and e.type = :of
                  and (:territory is null or e.territory = :territory) and (:parc is null or e.parc = :parc))""")
    List<DatedFact> actsOfDossiersWith(@Param("year") int year, @Param("territory") String territory, @Param("parc") Parc parc,
                                       @Param("of") String of, @Param("types") Collection<String> types, @Param("untilYear") int untilYear);

    List<IndicatorFact> findByCaseIdAndTypeIn(String caseId, Collection<String> types);

    /** The communes of the dossiers (from the dossiers, not the acts: a few rows per dossier fewer). */
    @Query("select distinct c.territory from IndicatorCase c where c.territory is not null order by c.territory")
    List<String> territories();
}
