package fr.prevexp.api.errors;

import fr.prevexp.api.cases.BadParameterException;
import fr.prevexp.engine.ActRefusedException;
import fr.prevexp.engine.IdempotencyConflictException;
import fr.prevexp.engine.InvalidActException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Every error of the partner API is {@code application/problem+json} (RFC 9457): a title, the
 * status, a detail and, for invalid fields, {@code errors: [{field, reason}]}. A refused write has
 * changed nothing.
 */
@RestControllerAdvice(basePackages = "fr.prevexp.api")
public class ProblemHandler {
    private static final String TYPES = "https://prevexp.fr/problems/";

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Dossier not found", "No dossier " + e.getAggregateIdentifier() + " is visible to this account.");
    }

    @ExceptionHandler(ActRefusedException.class)
    public ResponseEntity<ProblemDetail> refused(ActRefusedException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONFLICT, "act-refused-at-stage",
                "Act not allowed at the current stage of the procedure", e.getMessage());
        response.getBody().setProperty("stage", e.stage().name());
        response.getBody().setProperty("stageLabel", e.stage().french());
        response.getBody().setProperty("act", e.act());
        return response;
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    public ResponseEntity<ProblemDetail> idempotency(IdempotencyConflictException e) {
        return problem(HttpStatus.CONFLICT, "idempotency-key-reused", "Idempotency key reused with another body", e.getMessage());
    }

    @ExceptionHandler(InvalidActException.class)
    public ResponseEntity<ProblemDetail> invalid(InvalidActException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-fields", "Invalid or missing fields", e.getMessage());
        response.getBody().setProperty("errors", e.problems().stream().map(p -> Map.of("field", p.field(), "reason", p.reason())).toList());
        return response;
    }

    @ExceptionHandler(BadParameterException.class)
    public ResponseEntity<ProblemDetail> badParameter(BadParameterException e) {
        return withErrors(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", e.getMessage(), e.parameter(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another value" : e.getRequiredType().isEnum()
                ? "one of " + java.util.Arrays.toString(e.getRequiredType().getEnumConstants())
                : e.getRequiredType() == java.time.LocalDate.class ? "a date YYYY-MM-DD" : "a " + e.getRequiredType().getSimpleName();
        String reason = "invalid value '" + e.getValue() + "': expected " + expected;
        return withErrors(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", e.getName() + " " + reason, e.getName(), reason);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return withErrors(HttpStatus.BAD_REQUEST, "invalid-parameter", "Missing parameter", e.getMessage(), e.getParameterName(), "is required");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "unreadable-json", "Unreadable JSON",
                "The request body is not valid JSON: " + (e.getMostSpecificCause() == null ? e.getMessage() : e.getMostSpecificCause().getMessage()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", "Send application/json.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler(org.axonframework.modelling.command.ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> busy(org.axonframework.modelling.command.ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-write", "Concurrent write on the dossier",
                "Other acts were being recorded on this dossier at the same moment; nothing was recorded. Send the act again.");
    }

    /** Anything unexpected: logged with an id the partner can quote; nothing is said of the internals. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof org.springframework.web.ErrorResponse known) {
            return problem(HttpStatus.valueOf(known.getStatusCode().value()), "http-error", known.getBody().getTitle(), known.getBody().getDetail());
        }
        String id = java.util.UUID.randomUUID().toString();
        LOG.error("Unexpected error {}", id, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed on the server (error id " + id + "). If it was a write, check the dossier's history before sending it again.");
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProblemHandler.class);

    private ResponseEntity<ProblemDetail> withErrors(HttpStatus status, String type, String title, String detail, String field, String reason) {
        ResponseEntity<ProblemDetail> response = problem(status, type, title, detail);
        response.getBody().setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        return response;
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
