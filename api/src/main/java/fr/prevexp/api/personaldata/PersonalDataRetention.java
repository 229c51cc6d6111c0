package fr.prevexp.api.personaldata;

import fr.prevexp.engine.ErasureGround;
import fr.prevexp.engine.RecordedBy;
import fr.prevexp.engine.Stage;
import fr.prevexp.engine.Trade;
import fr.prevexp.engine.aggregate.EvictionCase;
import fr.prevexp.projections.cases.CaseSummaryEntity;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The retention of personal data after the closure (<i>durée de conservation</i>): a closed dossier's
 * personal data is erased once {@code prevexp.personal-data.retention} (a period, default {@code P5Y})
 * has passed since its closure date (legal date of {@code CaseClosed}). A job applies it every night
 * ({@code prevexp.personal-data.retention-cron}); {@link #due} is its dry run. The dossier's other
 * facts stay (indicators, history without names).
 */
@Service
public class PersonalDataRetention {
    /** Who the job records the erasures as: the secretariat's processing, not a person. */
    public static final RecordedBy RETENTION_JOB = new RecordedBy(Trade.CCAPEX, "prevexp", "durée de conservation");
    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

    private final EntityManager entities;
    private final PersonalDataKeyRepository keys;
    private final PersonalDataErasure erasure;
    private final Clock clock;
    private final Period retention;

    public PersonalDataRetention(EntityManager entities, PersonalDataKeyRepository keys, PersonalDataErasure erasure, Clock clock,
                                 @Value("${prevexp.personal-data.retention:P5Y}") String retention) {
        this.entities = entities;
        this.keys = keys;
        this.erasure = erasure;
        this.clock = clock;
        this.retention = Period.parse(retention);
        if (this.retention.isNegative() || this.retention.isZero()) {
            throw new IllegalStateException("prevexp.personal-data.retention must be a positive period (ISO 8601, e.g. P5Y): " + retention);
        }
    }

    public Period retention() {
        return retention;
    }

    /** A closed dossier whose personal data is due for erasure on a day. */
    public record Due(String caseId, String reference, LocalDate closedOn, LocalDate erasableFrom) {
    }

    /** The dry run (<i>simulation</i>): the closed dossiers whose retention ran out on or before that day, not yet erased. */
    public List<Due> due(LocalDate day) {
        LocalDate closedOnOrBefore = day.minus(retention);
        List<CaseSummaryEntity> closed = entities.createQuery(
                        "select c from CaseSummaryEntity c where c.stage = :closed and c.lastActOn <= :before order by c.lastActOn, c.caseId",
                        CaseSummaryEntity.class)
                .setParameter("closed", Stage.CLOSED).setParameter("before", closedOnOrBefore).getResultList();
        if (closed.isEmpty()) return List.of();
        Set<String> erased = new java.util.HashSet<>();
        for (int i = 0; i < closed.size(); i += 500) {
            List<String> ids = closed.subList(i, Math.min(closed.size(), i + 500)).stream().map(CaseSummaryEntity::getCaseId).toList();
            keys.findByCaseIdInAndErasedAtIsNotNull(ids).stream().filter(k -> k.getSecret() == null)
                    .map(PersonalDataKey::getCaseId).forEach(erased::add);
        }
        List<Due> due = new ArrayList<>();
        for (CaseSummaryEntity c : closed) {
            if (!erased.contains(c.getCaseId())) {
                due.add(new Due(c.getCaseId(), c.getReference(), c.getLastActOn(), c.getLastActOn().plus(retention)));
            }
        }
        return due;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), EvictionCase.LEGAL_ZONE);
    }

    /** Erases every dossier due today; answers them. */
    public List<Due> apply() {
        List<Due> due = due(today());
        for (Due d : due) erasure.erase(d.caseId(), RETENTION_JOB, ErasureGround.RETENTION_ELAPSED);
        if (!due.isEmpty()) {
            log.info("Retention of personal data: erased {} dossier(s) closed {} or more ago: {}", due.size(), retention,
                    due.stream().map(Due::caseId).collect(Collectors.joining(", ")));
        }
        return due;
    }

    @Scheduled(cron = "${prevexp.personal-data.retention-cron:0 30 2 * * *}", zone = "Europe/Paris")
    public void nightly() {
        try {
            apply();
        } catch (RuntimeException e) {
            log.error("Retention of personal data failed; it runs again next night", e);
        }
    }
}
