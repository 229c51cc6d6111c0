package fr.prevexp.api.cases;

import com.fasterxml.jackson.databind.JsonNode;
import fr.prevexp.api.security.DossierAccess;
import fr.prevexp.api.security.Partner;
import fr.prevexp.engine.Parc;
import fr.prevexp.engine.Stage;
import fr.prevexp.engine.events.CaseEvent;
import fr.prevexp.projections.cases.CaseSummaryEntity;
import fr.prevexp.projections.cases.CaseSummaryRepository;
import fr.prevexp.projections.cases.CaseView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.*;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** The partner REST contract (docs/api.md): dossiers, their acts, their history. */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Dossiers", description = "Dossiers de prévention des expulsions et actes de la procédure")
public class CasesController {
    static final String IDEMPOTENCY_KEY = "Clé d'idempotence (idempotency key), scoped by the organisation that sends it: the same key "
            + "from the same organisation with the same body answers the first result again and records nothing; with another body it "
            + "is a 409. Another organisation's identical key is another request.";
    private final CaseRecords records;
    private final CaseSummaryRepository list;
    private final DossierAccess access;

    public CasesController(CaseRecords records, CaseSummaryRepository list, DossierAccess access) {
        this.records = records;
        this.list = list;
        this.access = access;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Ouvrir un dossier (signalement / saisine)",
            description = "Opens a dossier with the CaseOpened fields (ouverture du dossier). `openedOn` is the legal date of the opening.")
    public ResponseEntity<CaseView> open(@RequestBody JsonNode body, Authentication auth,
                                         @Parameter(description = IDEMPOTENCY_KEY) @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        String caseId = records.open(Partner.of(auth), body, idempotencyKey).messages().get(0).getAggregateIdentifier();
        CaseView view = CaseView.fold(CaseRecords.payloads(records.events(caseId)));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId)).body(view);
    }

    @PostMapping(path = "/{caseId}/acts", consumes = "application/json")
    @Operation(summary = "Enregistrer un acte de la procédure",
            description = "Records an act: `type` is the event name (docs/domain.md), `occurredOn` its legal date, then the act's own fields. "
                    + "See the schemas of each act for its French term and the roles that record it.")
    public ResponseEntity<EventView> record(@PathVariable String caseId, @RequestBody JsonNode body, Authentication auth,
                                            @Parameter(description = IDEMPOTENCY_KEY) @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        CaseRecords.Stored stored = records.record(Partner.of(auth), caseId, body, idempotencyKey);
        List<DomainEventMessage<?>> recorded = stored.messages();
        EventView act = EventView.of(recorded.get(0));
        List<EventView> flags = recorded.subList(1, recorded.size()).stream().map(m -> EventView.of(m)).toList();
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/history"))
                .body(act.answer(flags, stored.replayed()));
    }

    @GetMapping("/{caseId}")
    @Operation(summary = "Vue du dossier", description = "Stage, parc, territory, debt, deadlines, irregularities and recent acts.")
    public CaseView view(@PathVariable String caseId, Authentication auth) {
        return CaseView.fold(CaseRecords.payloads(access.read(Partner.of(auth), caseId, "vue du dossier")));
    }

    /** The history of a dossier (<i>historique</i>) and, with {@code asOf}, the dossier as it stood then. */
    public record History(String caseId, List<EventView> events, LocalDate asOf, CaseView caseAsOf) {
    }

    @GetMapping("/{caseId}/history")
    @Operation(summary = "Historique du dossier",
            description = "Every event of the dossier in the order recorded. With `asOf`, also the case view as it stood at the end of "
                    + "that day: built from the acts whose legal date (`occurredOn`) is on or before it.")
    public History history(@PathVariable String caseId, Authentication auth,
                           @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false)
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        BadParameterException.date("asOf", asOf);
        List<DomainEventMessage<?>> events = access.read(Partner.of(auth), caseId, asOf == null ? "historique" : "historique au " + asOf);
        List<EventView> views = events.stream().map(m -> EventView.of(m)).toList();
        CaseView then = null;
        if (asOf != null) {
            List<CaseEvent> known = CaseRecords.payloads(events).stream().filter(e -> !e.occurredOn().isAfter(asOf)).toList();
            then = CaseView.fold(known);
        }
        return new History(caseId, views, asOf, then);
    }

    /** One dossier in the case list. */
    public record CaseListItem(String caseId, String reference, Parc parc, String territory, Stage stage, String stageLabel,
                               BigDecimal debt, LocalDate openedOn, String lastActType, LocalDate lastActOn, int irregularities) {
        static CaseListItem of(CaseSummaryEntity e) {
            return new CaseListItem(e.getCaseId(), e.getReference(), e.getParc(), e.getTerritory(), e.getStage(),
                    e.getStage() == null ? null : e.getStage().french(), e.getDebt(), e.getOpenedOn(), e.getLastActType(),
                    e.getLastActOn(), e.getIrregularities());
        }
    }

    /** A page of the case list. */
    public record CaseList(List<CaseListItem> items, int page, int size, long totalItems, int totalPages) {
    }

    /** The last page one may ask for (pages of 200 reach 20 million dossiers). */
    static final int MAX_PAGE = 100_000;

    @GetMapping
    @Operation(summary = "Liste des dossiers", description = "Filtered by stage, territory (INSEE code) and parc; paged (page from 0, size up to 200).")
    public CaseList list(Authentication auth, @RequestParam(required = false) Stage stage,
                         @RequestParam(required = false) String territory, @RequestParam(required = false) Parc parc,
                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        BadParameterException.between("page", page, 0, MAX_PAGE);
        BadParameterException.between("size", size, 1, 200);
        Partner partner = Partner.of(auth);
        Page<CaseSummaryEntity> result = list.search(stage, BadParameterException.territory("territory", territory), parc, DossierAccess.listedFor(partner),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "openedOn").and(Sort.by("caseId"))));
        return new CaseList(result.getContent().stream().map(CaseListItem::of).toList(), page, size,
                result.getTotalElements(), result.getTotalPages());
    }
}
