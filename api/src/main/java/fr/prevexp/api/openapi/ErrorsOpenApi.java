package fr.prevexp.api.openapi;

import fr.prevexp.api.errors.BodySizeLimit;
import fr.prevexp.api.errors.Problems;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.*;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents in the OpenAPI document what every operation really answers: its success status (201
 * for a creation, 202 for work started in the background) and every error status it can answer,
 * each with the {@code Problem} schema (application/problem+json) and the problem types it carries.
 */
@Configuration
public class ErrorsOpenApi {

    /** The operations whose success is not 200, keyed by method and path. */
    static final Map<String, String> SUCCESS = Map.of(
            "POST /api/v1/cases", "201",
            "POST /api/v1/cases/{caseId}/acts", "201",
            "POST /api/v1/admin/projections/replay", "202",
            "POST /api/v1/admin/demo-data", "202");

    /** The operations that take an act (or an opening) as their body. */
    static final List<String> WRITES = List.of("POST /api/v1/cases", "POST /api/v1/cases/{caseId}/acts");

    private static final String T = Problems.TYPES;

    /** Every error status and what it means, as answered by every operation. */
    static final Map<String, String> ERRORS = errors();

    private static Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Paramètre invalide (" + T + Problems.INVALID_PARAMETER + ", avec `errors: [{field, reason}]`), JSON illisible ou "
                + "clé en double (" + T + Problems.UNREADABLE_JSON + ") ou adresse refusée par le pare-feu (" + T + Problems.REQUEST_REJECTED + ")");
        errors.put("401", "Authentification requise");
        errors.put("403", "Ce rôle ne peut pas faire cela (" + T + Problems.FORBIDDEN + ")");
        errors.put("404", "Dossier ou adresse introuvable (" + T + Problems.NOT_FOUND + ")");
        errors.put("405", "Méthode non permise sur cette adresse (" + T + Problems.METHOD_NOT_ALLOWED + ")");
        errors.put("406", "Format de réponse demandé non disponible (" + T + Problems.NOT_ACCEPTABLE + ")");
        errors.put("413", "Corps de la requête au-delà de " + BodySizeLimit.MAX_BYTES / 1024 + " Kio (" + T + Problems.PAYLOAD_TOO_LARGE + ")");
        errors.put("500", "Erreur interne, avec un identifiant à citer (" + T + Problems.INTERNAL_ERROR + ")");
        return errors;
    }

    static final Map<String, String> WRITE_ERRORS = Map.of(
            "409", "Acte non permis à l'étape du dossier (" + T + Problems.ACT_REFUSED_AT_STAGE + ", avec `stage`), clé d'idempotence "
                    + "réutilisée avec un autre corps (" + T + Problems.IDEMPOTENCY_KEY_REUSED + ") ou écriture concurrente ("
                    + T + Problems.CONCURRENT_WRITE + ")",
            "415", "Corps qui n'est pas en application/json (" + T + Problems.UNSUPPORTED_MEDIA_TYPE + ")",
            "422", "Champs invalides ou manquants, hors bornes (" + T + Problems.INVALID_FIELDS + ", avec `errors: [{field, reason}]`) ; "
                    + "rien n'est enregistré");

    @Bean
    public OpenApiCustomizer errorResponses() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSchemas("Problem", problemSchema());
            if (openApi.getPaths() == null) return;
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                String key = method.name() + " " + path;
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                operation.setResponses(responses);
                String success = SUCCESS.get(key);
                if (success != null && responses.containsKey("200")) {
                    ApiResponse ok = responses.remove("200");
                    ok.setDescription(success.equals("201") ? "Créé" : "Accepté : le travail se poursuit en arrière-plan");
                    responses.put(success, ok);
                }
                ERRORS.forEach((status, description) -> responses.put(status, problem(description)));
                if (WRITES.contains(key)) WRITE_ERRORS.forEach((status, description) -> responses.put(status, problem(description)));
                sort(operation);
            }));
        };
    }

    private static void sort(Operation operation) {
        ApiResponses sorted = new ApiResponses();
        operation.getResponses().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        operation.setResponses(sorted);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().description("le champ ou le paramètre, par son nom dans l'API (household.persons)"));
        error.addProperty("reason", new StringSchema().description("pourquoi, en français"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("Une erreur (RFC 9457, application/problem+json) : `type` en nomme la sorte, `title` et `detail` sont en français.");
        problem.addProperty("type", new StringSchema().format("uri").example(T + Problems.INVALID_FIELDS));
        problem.addProperty("title", new StringSchema().example("Champs invalides ou manquants"));
        problem.addProperty("status", new IntegerSchema().example(422));
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("errors", new ArraySchema().items(error).description("les champs ou paramètres invalides (400, 422)"));
        problem.addProperty("stage", new StringSchema().description("l'étape du dossier (409 act-refused-at-stage)"));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
