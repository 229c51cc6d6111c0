package fr.prevexp.projections.indicators;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface IndicatorYearRepository extends JpaRepository<IndicatorYear, Integer> {
    @Query("select y.year from IndicatorYear y order by y.year desc")
    List<Integer> years();
}
