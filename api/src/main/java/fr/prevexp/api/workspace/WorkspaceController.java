package fr.prevexp.api.workspace;

import fr.prevexp.api.security.DossierAccess;
import fr.prevexp.api.security.Partner;
import fr.prevexp.engine.Parties;
import fr.prevexp.engine.Trade;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.Set;

/**
 * The secretariat's workspace in the browser (<i>espace de travail</i>): the login page, the
 * dossier list and the dossier page. The pages are static and read the public API; a dossier page
 * is served only to whoever may read the dossier ({@link DossierAccess}: otherwise 404, exactly as
 * the API answers).
 */
@Controller
@Tag(name = "Espace de travail")
public class WorkspaceController {
    private final DossierAccess access;

    public WorkspaceController(DossierAccess access) {
        this.access = access;
    }

    @GetMapping("/login")
    public String login() {
        return "forward:/workspace/login.html";
    }

    @GetMapping({"/dossiers", "/dossiers/"})
    public String list() {
        return "forward:/workspace/dossiers.html";
    }

    @GetMapping("/dossiers/{caseId}")
    public String dossier(@PathVariable String caseId, Authentication auth) {
        access.open(Partner.of(auth), caseId);
        return "forward:/workspace/dossier.html";
    }

    /** A value of the vocabulary with its French term. */
    public record Term(String key, String label) {
    }

    /** The French terms of the stages and parcs (<i>vocabulaire</i>), for the pages' filters. */
    public record Vocabulary(java.util.List<Term> stages, java.util.List<Term> parcs, java.util.List<Term> roles) {
    }

    @GetMapping("/api/v1/vocabulary")
    @ResponseBody
    @Operation(summary = "Vocabulaire", description = "The stages of the procedure, the parcs and the roles (trades), with their French terms, in the order of the procedure.")
    public Vocabulary vocabulary() {
        return new Vocabulary(java.util.Arrays.stream(fr.prevexp.engine.Stage.values()).map(s -> new Term(s.name(), s.french())).toList(),
                java.util.Arrays.stream(fr.prevexp.engine.Parc.values()).map(p -> new Term(p.name(), p.french())).toList(),
                java.util.Arrays.stream(Trade.values()).map(t -> new Term(t.name(), t.french())).toList());
    }

    /** Who is signed in (<i>compte connecté</i>), for the pages' header and what they offer. */
    public record Me(String login, Trade role, String roleLabel, String organisation, boolean readsEveryDossier, boolean dashboard) {
    }

    @GetMapping("/api/v1/me")
    @ResponseBody
    @Operation(summary = "Compte connecté", description = "The account's login, role (trade) and organisation.")
    public Me me(Authentication auth) {
        Partner partner = Partner.of(auth);
        return new Me(partner.login(), partner.trade(), partner.trade() == null ? null : partner.trade().french(), partner.organisation(),
                Parties.readsEveryDossier(partner.trade()), Set.of(Trade.CCAPEX, Trade.PREFECTURE, Trade.AUDITOR).contains(partner.trade()));
    }
}
