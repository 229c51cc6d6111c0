package fr.prevexp.api.openapi;

import fr.prevexp.engine.ActType;
import fr.prevexp.engine.Limits;
import fr.prevexp.engine.Trade;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.*;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Publishes every act of the vocabulary in the OpenAPI document: one schema per act type, with its
 * French legal term and the roles that record it, generated from the event records themselves.
 */
@Configuration
public class ActsOpenApi {

    @Bean
    public OpenApiCustomizer actSchemas() {
        return openApi -> {
            openApi.info(new Info().title("Prévention des expulsions locatives — API partenaires").version("v1")
                    .description("Dossiers (case files) of the CCAPEX and the acts of the eviction procedure. "
                            + "Errors are application/problem+json; writes accept an Idempotency-Key header."));
            openApi.schemaRequirement("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
            openApi.addSecurityItem(new SecurityRequirement().addList("basic"));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            List<Schema> acts = new ArrayList<>();
            Map<String, String> mapping = new java.util.LinkedHashMap<>();
            for (ActType type : ActType.values()) {
                if (type.trades().equals(Set.of(Trade.PROCEDURE)) || type == ActType.PERSONAL_DATA_ERASED) continue;
                Schema<?> schema = actSchema(type, components);
                if (type == ActType.CASE_OPENED) {
                    components.addSchemas("OpenCaseRequest", schema);
                    requestBody(openApi, "/api/v1/cases", new Schema<>().$ref("#/components/schemas/OpenCaseRequest"));
                    continue;
                }
                String name = "Act" + type.typeName();
                components.addSchemas(name, schema);
                acts.add(new Schema<>().$ref("#/components/schemas/" + name));
                mapping.put(type.typeName(), "#/components/schemas/" + name);
            }
            ComposedSchema oneOf = new ComposedSchema();
            oneOf.setOneOf(acts);
            oneOf.setDiscriminator(new Discriminator().propertyName("type").mapping(mapping));
            oneOf.setDescription("An act of the procedure: `type` names it, `occurredOn` is its legal date.");
            requestBody(openApi, "/api/v1/cases/{caseId}/acts", oneOf);
        };
    }

    /**
     * The French label of each field of the acts (<i>libellé du champ</i>), published as the
     * property's {@code title}: the act form of the workspace is generated from this document, so the
     * screen and the API cannot drift.
     */
    static final Map<String, String> FIELD_LABELS = Map.ofEntries(
            Map.entry("occurredOn", "date de l'acte"), Map.entry("amount", "montant (€)"), Map.entry("by", "par (nom)"),
            Map.entry("court", "tribunal"), Map.entry("debt", "dette (€)"), Map.entry("debtClaimed", "dette réclamée (€)"),
            Map.entry("durationMonths", "durée (mois)"), Map.entry("executionPossibleFrom", "exécution possible à partir du"),
            Map.entry("form", "forme de l'aide"), Map.entry("gracePeriodMonths", "délai de grâce (mois)"),
            Map.entry("hearingOn", "date de l'audience"), Map.entry("kind", "mesure"), Map.entry("label", "libellé"),
            Map.entry("monthlyAmount", "montant mensuel (€)"), Map.entry("monthlyCharges", "charges mensuelles (€)"),
            Map.entry("monthlyRent", "loyer mensuel (€)"), Map.entry("monthsUnpaid", "nombre de mois impayés"),
            Map.entry("name", "nom"), Map.entry("opinion", "avis"), Map.entry("organisation", "organisation (identifiant)"),
            Map.entry("outcome", "issue"), Map.entry("paymentDelayMonths", "délais de paiement accordés (mois)"),
            Map.entry("reason", "motif"), Map.entry("recommendations", "préconisations (une par ligne)"),
            Map.entry("reference", "référence"), Map.entry("referredBy", "saisine par"), Map.entry("requestedFrom", "demandé à"),
            Map.entry("scheduledOn", "date fixée"), Map.entry("sentToJudgeOn", "transmis au juge le"),
            Map.entry("tenantPresent", "locataire présent ou représenté"), Map.entry("until", "jusqu'au"),
            Map.entry("withShelterSolution", "avec une solution d'hébergement"), Map.entry("activityId", "activité de la procédure"));

    /** The French label of the enumerated values of the acts' fields, published as {@code x-enum-labels}. */
    static final Map<String, String> VALUE_LABELS = Map.ofEntries(
            Map.entry("TERMINATION", "résiliation du bail"),
            Map.entry("TERMINATION_WITH_PAYMENT_DELAYS", "résiliation avec délais de paiement (clause suspendue)"),
            Map.entry("REJECTED", "demande rejetée"), Map.entry("STRUCK_OUT", "radiation de l'affaire"),
            Map.entry("DEBT_CLEARED", "dette soldée"), Map.entry("KEPT_IN_PLACE", "maintien dans les lieux"),
            Map.entry("REHOUSED", "relogement"), Map.entry("LEFT_VOLUNTARILY", "départ volontaire"), Map.entry("EVICTED", "expulsion"),
            Map.entry("OTHER", "autre"), Map.entry("GRANT", "subvention"), Map.entry("LOAN", "prêt"),
            Map.entry("ASLL", "ASLL (accompagnement social lié au logement)"),
            Map.entry("MASP", "MASP (mesure d'accompagnement social personnalisé)"),
            Map.entry("AVDL", "AVDL (accompagnement vers et dans le logement)"), Map.entry("ANTICIPATION_VISIT", "visite d'anticipation"),
            Map.entry("EMPEX", "EMPEX (équipe mobile de prévention des expulsions)"), Map.entry("SIAO_ORIENTATION", "orientation vers le SIAO"),
            Map.entry("PUBLIC", "parc public"), Map.entry("PRIVATE", "parc privé"));

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void label(String name, Schema property) {
        if (property.getTitle() == null && FIELD_LABELS.containsKey(name)) property.setTitle(FIELD_LABELS.get(name));
        if (property.getEnum() != null && !name.equals("type")) {
            Map<String, String> labels = new java.util.LinkedHashMap<>();
            for (Object value : property.getEnum()) labels.put(String.valueOf(value), VALUE_LABELS.getOrDefault(String.valueOf(value), String.valueOf(value)));
            property.addExtension("x-enum-labels", labels);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> actSchema(ActType type, Components components) {
        ResolvedSchema resolved = ModelConverters.getInstance().resolveAsResolvedSchema(
                new io.swagger.v3.core.converter.AnnotatedType(type.eventClass()).resolveAsRef(false));
        if (resolved.referencedSchemas != null) {
            resolved.referencedSchemas.forEach((name, s) -> {
                if (name.equals(type.eventClass().getSimpleName())) return;
                if (s.getProperties() != null) s.setAdditionalProperties(false);   // Household, Landlord: unknown fields are refused
                components.addSchemas(name, s);
            });
        }
        Schema schema = resolved.schema;
        Map<String, Schema> properties = new java.util.LinkedHashMap<>();
        Schema typeProperty = new StringSchema()._enum(List.of(type.typeName()));
        typeProperty.setDescription(type.french());
        if (type != ActType.CASE_OPENED) properties.put("type", typeProperty);
        String range = ", du " + Limits.OLDEST_ACT + " à aujourd'hui";
        properties.put(type == ActType.CASE_OPENED ? "openedOn" : "occurredOn",
                new DateSchema().description(type == ActType.CASE_OPENED ? "date d'ouverture du dossier" + range : "date légale de l'acte" + range));
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).forEach((k, v) -> {
                if (Set.of("caseId", "recordedBy", "occurredOn").contains(k)) return;
                if ("date".equals(v.getFormat())) {
                    v.setDescription(k.equals("leaseSignedOn") ? "du " + Limits.OLDEST_LEASE + " à la date d'ouverture"
                            : "du " + Limits.OLDEST_ACT + " à " + Limits.YEARS_AFTER_ACT + " ans après la date de l'acte");
                }
                properties.put(k, v);
            });
        }
        String trades = type.trades().stream().filter(t -> t != Trade.PROCEDURE).map(t -> t.name() + " (" + t.french() + ")")
                .sorted().collect(Collectors.joining(", "));
        Schema<?> act = new ObjectSchema();
        act.setProperties(properties);
        act.setAdditionalProperties(false);   // an unknown field is refused (422)
        act.setRequired(type == ActType.CASE_OPENED ? List.of("openedOn", "parc", "territory", "source", "landlord")
                : List.of("type", "occurredOn"));
        properties.forEach((k, v) -> label(k, v));
        act.setTitle(type.typeName());
        act.addExtension("x-french-term", type.french());
        // who records it: the secretariat records every partner act (ActType.recordableBy)
        act.addExtension("x-recorded-by", java.util.Arrays.stream(Trade.values()).filter(type::recordableBy).map(Trade::name).toList());
        act.setDescription("**" + type.french() + "** (" + type.typeName() + "). Recorded by CCAPEX"
                + (trades.isEmpty() ? "" : ", " + trades) + ".");
        return act;
    }

    private static void requestBody(OpenAPI openApi, String path, Schema<?> schema) {
        PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
        if (item == null || item.getPost() == null) return;
        Operation post = item.getPost();
        post.setRequestBody(new RequestBody().required(true)
                .content(new Content().addMediaType("application/json", new MediaType().schema(schema))));
    }
}
