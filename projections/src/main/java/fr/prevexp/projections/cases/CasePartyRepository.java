package fr.prevexp.projections.cases;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CasePartyRepository extends JpaRepository<CasePartyEntity, CasePartyEntity.Key> {
}
