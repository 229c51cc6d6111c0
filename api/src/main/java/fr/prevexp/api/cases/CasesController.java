package fr.prevexp.api.cases;

import com.fasterxml.jackson.databind.JsonNode;
import fr.prevexp.api.security.DossierAccess;
import fr.prevexp.api.security.Partner;
import fr.prevexp.api.export.Csv;
import fr.prevexp.engine.ActType;
import fr.prevexp.engine.CaseState;
import fr.prevexp.engine.Limits;
import fr.prevexp.engine.Parc;
import fr.prevexp.engine.Stage;
import fr.prevexp.engine.events.CaseEvent;
import fr.prevexp.projections.cases.CaseSummaryEntity;
import fr.prevexp.projections.deadlines.DeadlineBoard;
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
    private final DeadlineBoard deadlines;

    public CasesController(CaseRecords records, CaseSummaryRepository list, DossierAccess access, DeadlineBoard deadlines) {
        this.records = records;
        this.deadlines = deadlines;
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

    /**
     * One dossier in the case list. The read model holds no personal data: on a page (not in the CSV
     * export), the household's name is read from the dossier's encrypted log through
     * {@link DossierAccess#read}, so it is shown only to the roles that see it in the case view (not the
     * auditors), reads as "[effacé]" once erased, and the reading is in the journal of consultations.
     */
    public record CaseListItem(String caseId, String reference, String householdName, Parc parc, String territory, Stage stage,
                               String stageLabel, BigDecimal debt, LocalDate openedOn, String lastActType, String lastActLabel,
                               LocalDate lastActOn, int irregularities) {
        static CaseListItem of(CaseSummaryEntity e, String householdName) {
            return new CaseListItem(e.getCaseId(), e.getReference(), householdName, e.getParc(), e.getTerritory(), e.getStage(),
                    e.getStage() == null ? null : e.getStage().french(), e.getDebt(), e.getOpenedOn(), e.getLastActType(),
                    e.getLastActType() == null ? null : ActType.ofTypeName(e.getLastActType()).map(ActType::french).orElse(null),
                    e.getLastActOn(), e.getIrregularities());
        }
    }

    /** The household's name as this partner may see it (null when its role does not see names), the reading journalled. */
    private String householdName(Partner partner, String caseId) {
        if (!DossierAccess.personalDataShownTo(partner.trade()).contains(fr.prevexp.engine.PersonalData.Kind.IDENTITY)) return null;
        return access.read(partner, caseId, "liste des dossiers").stream().map(m -> m.getPayload())
                .filter(p -> p instanceof fr.prevexp.engine.events.CaseOpened).map(p -> (fr.prevexp.engine.events.CaseOpened) p)
                .findFirst().map(o -> o.household() == null ? null : o.household().name()).orElse(null);
    }

    /** The deadline filter of the case list (<i>échéances</i>), as the deadline board counts them. */
    public enum Due {
        /** A pending deadline whose last day is before this week (<i>en retard</i>). */
        OVERDUE,
        /** A pending deadline due this week, Monday to Sunday (<i>à échéance cette semaine</i>). */
        THIS_WEEK
    }

    /** The most dossiers a search ({@code q}) may find: past that, the search asks to be more precise. */
    static final int MAX_SEARCH_MATCHES = 1_000;

    /** The most lines a CSV export of the case list holds: past that, narrow the filters. */
    static final int MAX_CSV_LINES = 50_000;

    /** A page of the case list. */
    public record CaseList(List<CaseListItem> items, int page, int size, long totalItems, int totalPages) {
    }

    /** The last page one may ask for (pages of 200 reach 20 million dossiers). */
    static final int MAX_PAGE = 100_000;

    @GetMapping
    @Operation(summary = "Liste des dossiers", description = "Filtered by stage, territory (INSEE code), parc and deadlines (`due`: OVERDUE, "
            + "THIS_WEEK); searched with `q`: an INSEE code is a commune, otherwise the start of a reference or of a word of the household's "
            + "name; paged (page from 0, size up to 200), newest opening first. With `Accept: text/csv`, every dossier that matches "
            + "(at most " + MAX_CSV_LINES + ") as CSV with the same fields as the JSON items.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Les dossiers", content = {
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseList.class)),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = Csv.MEDIA_TYPE)})
    public ResponseEntity<?> list(Authentication auth, @RequestParam(required = false) Stage stage,
                                  @RequestParam(required = false) String territory, @RequestParam(required = false) Parc parc,
                                  @Parameter(description = "recherche : code commune INSEE, début de référence ou d'un mot du nom du ménage")
                                  @RequestParam(required = false) String q,
                                  @RequestParam(required = false) Due due,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                  @RequestHeader(value = org.springframework.http.HttpHeaders.ACCEPT, required = false) String accept) {
        BadParameterException.between("page", page, 0, MAX_PAGE);
        BadParameterException.between("size", size, 1, 200);
        Partner partner = Partner.of(auth);
        String t = BadParameterException.territory("territory", territory);
        java.util.Set<String> found = null;
        if (q != null && !q.isBlank()) {
            String query = q.strip();
            if (query.length() > Limits.REFERENCE) throw new BadParameterException("q", "au plus " + Limits.REFERENCE + " caractères");
            if (query.matches("\\d{5}|2[AB]\\d{3}")) {
                if (t != null && !t.equals(query)) throw new BadParameterException("q", "un autre code commune que le filtre territory");
                t = query;
            } else {
                // One index lookup (the reference's), then the list of what it found: never a scan. The household's name is
                // not searched: the read model holds no personal data (a search by name needs a pseudonymised index, to come).
                PageRequest limit = PageRequest.of(0, MAX_SEARCH_MATCHES + 1);
                found = new java.util.LinkedHashSet<>(list.idsByReferencePrefix(like(query), limit));
                if (found.size() > MAX_SEARCH_MATCHES) {
                    throw new BadParameterException("q", "plus de " + MAX_SEARCH_MATCHES + " dossiers correspondent à « " + query
                            + " » : précisez la référence");
                }
            }
        }
        LocalDate dueFrom = null, dueTo = null;
        if (due != null) {
            LocalDate monday = DeadlineBoard.monday(deadlines.today());
            dueFrom = due == Due.OVERDUE ? LocalDate.of(1900, 1, 1) : monday;
            dueTo = due == Due.OVERDUE ? monday.minusDays(1) : monday.plusDays(6);
        }
        String organisation = DossierAccess.listedFor(partner);
        Sort order = Sort.by(Sort.Direction.DESC, "openedOn").and(Sort.by(Sort.Direction.DESC, "caseId"));
        CaseSummaryRepository.Filter filter = new CaseSummaryRepository.Filter(stage, t, parc, organisation, found, dueFrom, dueTo);
        if (Csv.asked(accept)) {
            List<CaseListItem> lines = new java.util.ArrayList<>();
            for (int p = 0; ; p++) {
                Page<CaseSummaryEntity> chunk = list.search(filter, PageRequest.of(p, 1000, order));
                if (chunk.getTotalElements() > MAX_CSV_LINES) {
                    throw new BadParameterException("(filtres)", chunk.getTotalElements() + " dossiers : l'export CSV en contient au plus "
                            + MAX_CSV_LINES + " ; affinez les filtres");
                }
                chunk.getContent().forEach(e -> lines.add(CaseListItem.of(e, null)));   // no names in exports
                if (!chunk.hasNext()) break;
            }
            return Csv.answer(Csv.of(CaseListItem.class, lines), "dossiers.csv");
        }
        Page<CaseSummaryEntity> result = list.search(filter, PageRequest.of(page, size, order));
        return ResponseEntity.ok(new CaseList(result.getContent().stream().map(e -> CaseListItem.of(e, householdName(partner, e.getCaseId()))).toList(), page, size,
                result.getTotalElements(), result.getTotalPages()));
    }

    /** A LIKE pattern for what starts with this text (escape character {@code !}). */
    private static String like(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** The acts the user may record on a dossier now (<i>actes possibles</i>): for the act form. */
    public record AllowedActs(String caseId, Stage stage, String stageLabel, List<AllowedAct> acts) {
    }

    public record AllowedAct(String type, String label) {
    }

    @GetMapping("/{caseId}/allowed-acts")
    @Operation(summary = "Actes possibles sur le dossier",
            description = "The acts this account's role records (the act's roles) that the dossier's stage allows (the order of the procedure, "
                    + "CaseState's table), in the vocabulary's order. An act may still be refused for its date or its conditions (409).")
    public AllowedActs allowedActs(@PathVariable String caseId, Authentication auth) {
        Partner partner = Partner.of(auth);
        List<CaseEvent> events = CaseRecords.payloads(access.open(partner, caseId));
        CaseState state = CaseState.of(events);
        Stage stage = state.stage();
        List<AllowedAct> acts = CaseState.allowedAt(stage).stream()
                .filter(a -> a != ActType.CASE_OPENED && !a.bookkeeping() && a.recordableBy(partner.trade()))
                .sorted().map(a -> new AllowedAct(a.typeName(), a.french())).toList();
        return new AllowedActs(caseId, stage, stage.french(), acts);
    }
}
