package fr.prevexp.projections.indicators;

import fr.prevexp.engine.Parc;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;

public interface IndicatorFactRepository extends JpaRepository<IndicatorFact, IndicatorFact.Key> {
    @Query("""
            select f from IndicatorFact f where f.factYear = :year
              and (:territory is null or f.territory = :territory) and (:parc is null or f.parc = :parc)""")
    List<IndicatorFact> ofYear(@Param("year") int year, @Param("territory") String territory, @Param("parc") Parc parc);

    List<IndicatorFact> findByCaseIdIn(Collection<String> caseIds);

    @Query("select distinct f.territory from IndicatorFact f where f.territory is not null order by f.territory")
    List<String> territories();

    /** The years in which acts were recorded (the procedure's own deadline bookkeeping does not make a year). */
    @Query("select distinct f.factYear from IndicatorFact f where f.type not in ('DeadlineScheduled', 'DeadlineElapsed', 'DeadlineMet', 'DeadlineCancelled') order by f.factYear desc")
    List<Integer> years();
}
