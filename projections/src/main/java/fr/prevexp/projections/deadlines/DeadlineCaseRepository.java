package fr.prevexp.projections.deadlines;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DeadlineCaseRepository extends JpaRepository<DeadlineCase, String> {
}
