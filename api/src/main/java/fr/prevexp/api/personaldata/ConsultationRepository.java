package fr.prevexp.api.personaldata;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsultationRepository extends JpaRepository<ConsultationEntry, Long> {
    Page<ConsultationEntry> findByCaseId(String caseId, Pageable page);
}
