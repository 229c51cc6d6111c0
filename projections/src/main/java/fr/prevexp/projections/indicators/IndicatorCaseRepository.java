package fr.prevexp.projections.indicators;

import org.springframework.data.jpa.repository.JpaRepository;

public interface IndicatorCaseRepository extends JpaRepository<IndicatorCase, String> {
}
