package fr.prevexp.api.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import fr.prevexp.api.cases.BadParameterException;
import fr.prevexp.engine.ActRefusedException;
import fr.prevexp.engine.ActType;
import fr.prevexp.engine.IdempotencyConflictException;
import fr.prevexp.engine.InvalidActException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Every error of the application's MVC endpoints is {@code application/problem+json} (RFC 9457): a
 * {@code type} per kind of problem ({@link Problems}), a French title, the status, a French detail
 * and, for invalid fields or parameters, {@code errors: [{field, reason}]}. A refused write has
 * changed nothing. Spring MVC's own errors (unknown path, method not allowed, not acceptable...) are
 * answered here too ({@link ResponseEntityExceptionHandler}); what happens before MVC (filters, the
 * container) goes through {@link ProblemErrorController}, the firewall through {@link FirewallProblems}.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Dossier introuvable",
                "Aucun dossier " + e.getAggregateIdentifier() + " n'est visible pour ce compte.");
    }

    @ExceptionHandler(ActRefusedException.class)
    public ResponseEntity<ProblemDetail> refused(ActRefusedException e) {
        String label = ActType.ofTypeName(e.act()).map(t -> " (" + t.french() + ")").orElse("");
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONFLICT, Problems.ACT_REFUSED_AT_STAGE,
                "Acte non permis à cette étape de la procédure",
                e.act() + label + " n'est pas permis à l'étape " + e.stage().french() + " du dossier : " + e.reason());
        response.getBody().setProperty("stage", e.stage().name());
        response.getBody().setProperty("stageLabel", e.stage().french());
        response.getBody().setProperty("act", e.act());
        return response;
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    public ResponseEntity<ProblemDetail> idempotency(IdempotencyConflictException e) {
        return problem(HttpStatus.CONFLICT, Problems.IDEMPOTENCY_KEY_REUSED, "Clé d'idempotence déjà utilisée avec une autre requête",
                "Cette clé Idempotency-Key a déjà servi pour une requête différente ; rien n'a été enregistré. Utilisez une nouvelle clé.");
    }

    @ExceptionHandler(InvalidActException.class)
    public ResponseEntity<ProblemDetail> invalid(InvalidActException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNPROCESSABLE_ENTITY, Problems.INVALID_FIELDS,
                "Champs invalides ou manquants", "Rien n'a été enregistré : " + e.getMessage());
        response.getBody().setProperty("errors", e.problems().stream().map(p -> Map.of("field", p.field(), "reason", p.reason())).toList());
        return response;
    }

    @ExceptionHandler(BadParameterException.class)
    public ResponseEntity<ProblemDetail> badParameter(BadParameterException e) {
        return withErrors(HttpStatus.BAD_REQUEST, Problems.INVALID_PARAMETER, "Paramètre invalide", e.getMessage(), e.parameter(), e.reason());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    public ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return Problems.tooLarge();
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Accès refusé", e.getMessage());
    }

    @ExceptionHandler(org.axonframework.modelling.command.ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> busy(org.axonframework.modelling.command.ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, Problems.CONCURRENT_WRITE, "Écriture concurrente sur le dossier",
                "D'autres actes étaient enregistrés sur ce dossier au même moment ; rien n'a été enregistré. Renvoyez l'acte.");
    }

    /** Anything unexpected: logged with an id the partner can quote; nothing is said of the internals. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof org.springframework.web.ErrorResponse known) {
            return Problems.of(known.getStatusCode().value());
        }
        String id = java.util.UUID.randomUUID().toString();
        LOG.error("Unexpected error {}", id, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL_ERROR, "Erreur interne",
                "La requête a échoué sur le serveur (erreur " + id + "). S'il s'agissait d'une écriture, consultez l'historique du dossier avant de la renvoyer.");
    }

    // --- Spring MVC's own errors (ResponseEntityExceptionHandler) ---

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return body(withErrors(HttpStatus.BAD_REQUEST, Problems.INVALID_PARAMETER, "Paramètre manquant",
                "Le paramètre " + e.getParameterName() + " est obligatoire.", e.getParameterName(), "obligatoire"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "une autre valeur" : type.isEnum()
                ? "l'une des valeurs " + java.util.Arrays.toString(type.getEnumConstants())
                : type == java.time.LocalDate.class ? "une date AAAA-MM-JJ"
                : type == int.class || type == Integer.class ? "un nombre entier" : "une valeur de type " + type.getSimpleName();
        String name = e.getPropertyName() == null ? "(paramètre)" : e.getPropertyName();
        String reason = "valeur invalide '" + e.getValue() + "' : " + expected + " attendue";
        return body(withErrors(HttpStatus.BAD_REQUEST, Problems.INVALID_PARAMETER, "Paramètre invalide", name + " : " + reason, name, reason));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) return body(Problems.tooLarge());
        }
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JsonProcessingException json && json.getOriginalMessage() != null
                && json.getOriginalMessage().startsWith("Duplicate field")) {
            String field = duplicateField(json);
            return body(withErrors(HttpStatus.BAD_REQUEST, Problems.UNREADABLE_JSON, "JSON illisible",
                    "Le champ " + field + " figure deux fois dans le corps de la requête ; rien n'a été enregistré.", field,
                    "figure deux fois dans l'objet JSON"));
        }
        String detail = cause instanceof JsonProcessingException json ? json.getOriginalMessage() : "corps absent ou illisible";
        return body(problem(HttpStatus.BAD_REQUEST, Problems.UNREADABLE_JSON, "JSON illisible",
                "Le corps de la requête n'est pas un JSON valide (" + detail + ") ; rien n'a été enregistré."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        return body(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.UNSUPPORTED_MEDIA_TYPE, "Type de contenu non pris en charge",
                "Envoyez le corps en application/json."));
    }

    /** Every other error of Spring MVC (404, 405, 406...): its status, with the type and French title of its kind. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
                                                             WebRequest request) {
        ResponseEntity<ProblemDetail> problem = Problems.of(status.value());
        if (e.getClass() == org.springframework.web.ErrorResponseException.class) {
            // Raised by our own controllers with a French title and detail of their own: keep them, with the kind's type.
            ProblemDetail own = ((org.springframework.web.ErrorResponseException) e).getBody();
            HttpStatus known = HttpStatus.resolve(status.value());
            if (own.getTitle() != null && (known == null || !own.getTitle().equals(known.getReasonPhrase()))) problem.getBody().setTitle(own.getTitle());
            if (own.getDetail() != null) problem.getBody().setDetail(own.getDetail());
        }
        HttpHeaders merged = new HttpHeaders();
        if (headers != null) merged.putAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem.getBody(), merged, status);
    }

    /** The JSON path of a duplicate key ({@code household.name}), from the parser's context when it is known. */
    private static String duplicateField(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser parser) {
            StringBuilder path = new StringBuilder();
            for (JsonStreamContext c = parser.getParsingContext(); c != null; c = c.getParent()) {
                if (c.getCurrentName() != null) path.insert(0, path.length() == 0 ? c.getCurrentName() : c.getCurrentName() + ".");
            }
            if (path.length() > 0) return path.toString();
        }
        String message = e.getOriginalMessage();
        int open = message.indexOf('\'');
        int close = message.indexOf('\'', open + 1);
        return open >= 0 && close > open ? message.substring(open + 1, close) : "(body)";
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProblemHandler.class);

    private static ResponseEntity<Object> body(ResponseEntity<ProblemDetail> response) {
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(response.getBody());
    }

    private static ResponseEntity<ProblemDetail> withErrors(HttpStatus status, String type, String title, String detail, String field,
                                                            String reason) {
        ResponseEntity<ProblemDetail> response = problem(status, type, title, detail);
        response.getBody().setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        return response;
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(Problems.TYPES + type));
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
