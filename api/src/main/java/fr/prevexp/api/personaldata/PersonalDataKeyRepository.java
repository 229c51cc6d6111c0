package fr.prevexp.api.personaldata;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;

public interface PersonalDataKeyRepository extends JpaRepository<PersonalDataKey, String> {
    List<PersonalDataKey> findByCaseIdInAndErasedAtIsNotNull(Collection<String> caseIds);
}
