package fr.prevexp.api.deadlines;

import fr.prevexp.api.cases.BadParameterException;
import fr.prevexp.api.security.Partner;
import fr.prevexp.engine.Parc;
import fr.prevexp.projections.deadlines.DeadlineBoard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** The deadline board of the secretariat (<i>tableau des échéances</i>). */
@RestController
@RequestMapping("/api/v1/deadlines")
@Tag(name = "Échéances", description = "Tableau des échéances légales de tous les dossiers")
public class DeadlinesController {
    private final DeadlineBoard board;

    public DeadlinesController(DeadlineBoard board) {
        this.board = board;
    }

    @GetMapping
    @Operation(summary = "Échéances de la semaine et échéances dépassées",
            description = "Pending deadlines due in the week (Monday to Sunday) of `day` (default today: `dueThisWeek`), pending deadlines "
                    + "whose last day is before that week (`overdue`: not yet recorded as elapsed, met or cancelled), and those recorded as "
                    + "elapsed in the `elapsedDays` before `day` (`elapsed`); `territory` (INSEE code) and `parc` (PUBLIC or PRIVATE) narrow it. "
                    + "For the secretariat, the préfecture and auditors.")
    public DeadlineBoard.Board board(Authentication auth, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                                     @RequestParam(required = false) String territory, @RequestParam(required = false) Parc parc,
                                     @RequestParam(defaultValue = "30") int elapsedDays) {
        if (!Partner.of(auth).readsEveryDossier()) throw new AccessDeniedException("le tableau des échéances est réservé au secrétariat, à la préfecture et aux auditeurs");
        return board.of(BadParameterException.date("day", day), BadParameterException.territory("territory", territory), parc,
                BadParameterException.between("elapsedDays", elapsedDays, 0, 366));
    }
}
