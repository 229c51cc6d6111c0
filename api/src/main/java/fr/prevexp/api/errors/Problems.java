package fr.prevexp.api.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.util.Map;

/**
 * The kinds of problem the application answers (<i>types d'erreur</i>): each is a {@code type} URI
 * {@code https://prevexp.fr/problems/<kind>} with a French title. The README lists them.
 */
public final class Problems {
    public static final String TYPES = "https://prevexp.fr/problems/";

    public static final String NOT_FOUND = "not-found";
    public static final String ACT_REFUSED_AT_STAGE = "act-refused-at-stage";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    public static final String CONCURRENT_WRITE = "concurrent-write";
    public static final String INVALID_FIELDS = "invalid-fields";
    public static final String INVALID_PARAMETER = "invalid-parameter";
    public static final String UNREADABLE_JSON = "unreadable-json";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String REQUEST_REJECTED = "request-rejected";
    public static final String FORBIDDEN = "forbidden";
    public static final String INTERNAL_ERROR = "internal-error";
    public static final String HTTP_ERROR = "http-error";

    /** The kind, title and detail of an error known only by its status (Spring MVC's, the container's). */
    private record Kind(String type, String title, String detail) {
    }

    private static final Map<Integer, Kind> BY_STATUS = Map.of(
            400, new Kind(INVALID_PARAMETER, "Requête invalide", "La requête est mal formée."),
            401, new Kind(HTTP_ERROR, "Authentification requise", "Envoyez les identifiants d'un compte partenaire."),
            403, new Kind(FORBIDDEN, "Accès refusé", "Ce compte n'a pas accès à cette ressource."),
            404, new Kind(NOT_FOUND, "Ressource introuvable", "Aucune ressource à cette adresse."),
            405, new Kind(METHOD_NOT_ALLOWED, "Méthode non permise", "Cette adresse n'accepte pas cette méthode HTTP (voir l'en-tête Allow)."),
            406, new Kind(NOT_ACCEPTABLE, "Format de réponse non disponible",
                    "Cette adresse répond en application/json (et ses erreurs en application/problem+json)."),
            413, new Kind(PAYLOAD_TOO_LARGE, "Requête trop volumineuse",
                    "Le corps de la requête dépasse " + BodySizeLimit.MAX_BYTES / 1024 + " Kio ; rien n'a été enregistré."),
            415, new Kind(UNSUPPORTED_MEDIA_TYPE, "Type de contenu non pris en charge", "Envoyez le corps en application/json."),
            500, new Kind(INTERNAL_ERROR, "Erreur interne", "La requête a échoué sur le serveur."));

    private Problems() {
    }

    /** The problem of an error known only by its status. */
    public static ResponseEntity<ProblemDetail> of(int status) {
        Kind kind = BY_STATUS.getOrDefault(status, new Kind(HTTP_ERROR, "Erreur HTTP " + status, "La requête n'a pas abouti."));
        HttpStatus known = HttpStatus.resolve(status);
        return ProblemHandler.problem(known != null ? known : HttpStatus.INTERNAL_SERVER_ERROR, kind.type(), kind.title(), kind.detail());
    }

    public static ResponseEntity<ProblemDetail> tooLarge() {
        return of(413);
    }

    /** Writes a problem straight to the response, for what answers before Spring MVC (filters, the firewall). */
    public static void write(ObjectMapper json, HttpServletResponse response, ResponseEntity<ProblemDetail> problem) throws IOException {
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem.getBody());
    }
}
