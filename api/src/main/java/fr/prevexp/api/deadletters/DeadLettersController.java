package fr.prevexp.api.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dossiers waiting in the processors' dead-letter queues, for the CCAPEX secretariat (every
 * {@code /api/v1/admin/**} path requires the CCAPEX role).
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@Tag(name = "Administration", description = "Dossiers en attente de traitement (file des lettres mortes)")
public class DeadLettersController {
    private final DeadLetters deadLetters;

    public DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Dossiers en attente de traitement",
            description = "Per processing group (cases, deadlines, indicators, procedure), each dossier whose event could not be "
                    + "handled: the number of its parked events, the first one's type, sequence and legal date, the cause, "
                    + "when it was parked and last tried. Its later events wait behind it; the other dossiers go on.")
    public DeadLetters.Overview list() {
        return deadLetters.overview();
    }

    @PostMapping("/{group}/{caseId}/retry")
    @Operation(summary = "Retraiter un dossier en attente",
            description = "Handles the dossier's parked events again, in order, after a fix. What fails again stays parked, with its new cause. "
                    + "404 when the group has no dead-letter queue or the dossier is not parked in it.")
    public DeadLetters.RetryReport retry(@PathVariable String group, @PathVariable String caseId) {
        try {
            return deadLetters.retry(group, caseId);
        } catch (DeadLetters.NotParkedException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
            problem.setTitle("Dossier non trouvé dans la file des lettres mortes");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, e);
        }
    }

    @PostMapping("/retry")
    @Operation(summary = "Retraiter tous les dossiers en attente",
            description = "Retries every parked dossier of every group once, and answers what was handled and what is still parked.")
    public DeadLetters.RetryReport retryAll() {
        return deadLetters.retryAll();
    }
}
