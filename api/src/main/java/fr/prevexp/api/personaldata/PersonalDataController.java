package fr.prevexp.api.personaldata;

import fr.prevexp.api.cases.BadParameterException;
import fr.prevexp.api.security.DossierAccess;
import fr.prevexp.api.security.Partner;
import fr.prevexp.engine.ErasureGround;
import fr.prevexp.engine.PersonalData;
import fr.prevexp.engine.Trade;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;

/**
 * Personal data of the dossiers under the RGPD (<i>données personnelles</i>): erasure, the journal of
 * consultations, the retention's dry run and the migration of clear-text events.
 */
@RestController
@Tag(name = "Données personnelles (RGPD)", description = "Effacement, journal des consultations, durée de conservation")
public class PersonalDataController {
    private final DossierAccess access;
    private final PersonalDataErasure erasure;
    private final ConsultationRepository journal;
    private final PersonalDataRetention retention;
    private final PersonalDataMigration migration;

    public PersonalDataController(DossierAccess access, PersonalDataErasure erasure, ConsultationRepository journal,
                                  PersonalDataRetention retention, PersonalDataMigration migration) {
        this.access = access;
        this.erasure = erasure;
        this.journal = journal;
        this.retention = retention;
        this.migration = migration;
    }

    @DeleteMapping("/api/v1/cases/{caseId}/personal-data")
    @Operation(summary = "Effacer les données personnelles du dossier (secrétariat)",
            description = "Deletes the dossier's key, so every personal field of its events (household name, address, phone, names of "
                    + "third parties, free texts) reads `[effacé]` everywhere, and records `PersonalDataErased` (données personnelles "
                    + "effacées). The stage, the procedure and the indicators do not change. Sending it again records nothing more. CCAPEX only.")
    public PersonalDataErasure.Erasure erase(@PathVariable String caseId, Authentication auth) {
        Partner partner = Partner.of(auth);
        if (partner.trade() != Trade.CCAPEX) {
            throw new AccessDeniedException("seul le secrétariat de la CCAPEX efface les données personnelles d'un dossier");
        }
        access.open(partner, caseId);
        return erasure.erase(caseId, partner.recordedBy(), ErasureGround.REQUEST);
    }

    /** One reading of the dossier in the journal of consultations. */
    public record Consultation(Instant at, String login, Trade role, String organisation, String what, List<PersonalData.Kind> personalData) {
        static Consultation of(ConsultationEntry e) {
            List<PersonalData.Kind> kinds = e.getPersonalData() == null || e.getPersonalData().isBlank() ? List.of()
                    : Arrays.stream(e.getPersonalData().split(",")).map(PersonalData.Kind::valueOf).toList();
            return new Consultation(e.getReadAt(), e.getLogin(), e.getTrade(), e.getOrganisation(), e.getWhat(), kinds);
        }
    }

    public record AccessLog(String caseId, List<Consultation> items, int page, int size, long totalItems) {
    }

    @GetMapping("/api/v1/cases/{caseId}/access-log")
    @Operation(summary = "Journal des consultations du dossier (secrétariat, auditeurs)",
            description = "Every reading of the dossier (case view, history), newest first: who (login, role, organisation), when, what, "
                    + "and which kinds of personal data it showed. Kept apart from the dossier's log.")
    public AccessLog accessLog(@PathVariable String caseId, Authentication auth,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Partner partner = Partner.of(auth);
        if (partner.trade() != Trade.CCAPEX && partner.trade() != Trade.AUDITOR) {
            throw new AccessDeniedException("le journal des consultations est réservé au secrétariat de la CCAPEX et aux auditeurs");
        }
        BadParameterException.between("page", page, 0, 100_000);
        BadParameterException.between("size", size, 1, 200);
        access.open(partner, caseId);
        Page<ConsultationEntry> found = journal.findByCaseId(caseId,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "readAt").and(Sort.by(Sort.Direction.DESC, "id"))));
        return new AccessLog(caseId, found.getContent().stream().map(Consultation::of).toList(), page, size, found.getTotalElements());
    }

    /** The retention's dry run. */
    public record RetentionReport(Period retention, LocalDate day, int dossiers, List<PersonalDataRetention.Due> due, boolean applied) {
    }

    @GetMapping("/api/v1/admin/personal-data/retention")
    @Operation(summary = "Durée de conservation : simulation (secrétariat)",
            description = "The closed dossiers whose personal data the nightly job erases on that day (default today): closed at least "
                    + "`prevexp.personal-data.retention` ago and not yet erased. Changes nothing.")
    public RetentionReport dryRun(@Parameter(description = "YYYY-MM-DD") @RequestParam(required = false)
                                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        BadParameterException.date("day", day);
        LocalDate on = day == null ? retention.today() : day;
        List<PersonalDataRetention.Due> due = retention.due(on);
        return new RetentionReport(retention.retention(), on, due.size(), due, false);
    }

    @PostMapping("/api/v1/admin/personal-data/retention")
    @Operation(summary = "Durée de conservation : appliquer maintenant (secrétariat)",
            description = "Does at once what the nightly job does: erases the personal data of the dossiers due today.")
    public RetentionReport applyRetention() {
        List<PersonalDataRetention.Due> done = retention.apply();
        return new RetentionReport(retention.retention(), retention.today(), done.size(), done, true);
    }

    @PostMapping("/api/v1/admin/personal-data/encrypt")
    @Operation(summary = "Chiffrer les données personnelles restées en clair (migration, secrétariat)",
            description = "Encrypts the personal fields of events stored in clear by a version before crypto-shredding (also done at start).")
    public PersonalDataMigration.Report encrypt() {
        return migration.encrypt();
    }
}
