package fr.prevexp.projections.cases;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseNameWordRepository extends JpaRepository<CaseNameWord, CaseNameWord.Key> {
}
