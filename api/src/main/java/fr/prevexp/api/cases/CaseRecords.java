package fr.prevexp.api.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.prevexp.api.security.DossierAccess;
import fr.prevexp.api.security.Partner;
import fr.prevexp.engine.ActType;
import fr.prevexp.engine.InvalidActException;
import fr.prevexp.engine.Limits;
import fr.prevexp.engine.command.OpenCase;
import fr.prevexp.engine.command.RecordAct;
import fr.prevexp.engine.command.Recorded;
import fr.prevexp.engine.events.CaseEvent;
import fr.prevexp.engine.events.CaseOpened;
import fr.prevexp.engine.events.FieldProblem;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns partner requests into commands on the dossier and reads dossiers back from the event
 * store. A request body becomes the act's event record directly (strictly: an unknown field is an
 * error), so that the API and the vocabulary cannot drift apart.
 */
@Service
public class CaseRecords {
    private final DossierCommands commands;
    private final EventStore eventStore;
    private final DossierAccess access;
    private final ObjectMapper json;
    private final ObjectMapper strict;
    private final ObjectMapper canonical;

    public CaseRecords(DossierCommands commands, EventStore eventStore, DossierAccess access, ObjectMapper json) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.access = access;
        this.json = json;
        // Strict: unknown fields, 1.5 where an integer is meant, a date-time where a date is meant are refused.
        this.strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .setDefaultLeniency(false);
        this.canonical = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** What a request recorded, as stored; {@code replayed} when an idempotent re-send recorded nothing new. */
    public record Stored(List<DomainEventMessage<?>> messages, boolean replayed) {
    }

    /** Opens a dossier; with an idempotency key its id is derived from the key, so a re-send lands on it. */
    public Stored open(Partner partner, JsonNode body, String idempotencyKey) {
        requireTrade(partner, ActType.CASE_OPENED);
        requireKey(idempotencyKey);
        ObjectNode node = object(body);
        String caseId = idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((partner.organisation() + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
        if (node.has("occurredOn")) throw new InvalidActException(List.of(new FieldProblem("occurredOn", "champ inconnu : la date d'ouverture est openedOn")));
        if (node.has("openedOn")) node.set("occurredOn", node.remove("openedOn"));
        if (!node.hasNonNull("reference")) node.put("reference", "DOS-" + caseId.substring(0, 8).toUpperCase());
        CaseOpened opened;
        try {
            opened = (CaseOpened) toEvent(node, CaseOpened.class, caseId, partner);
        } catch (InvalidActException e) {
            throw new InvalidActException(e.problems().stream()
                    .map(p -> p.field().equals("occurredOn") ? new FieldProblem("openedOn", p.reason()) : p).toList());
        }
        Recorded recorded = send(new OpenCase(caseId, opened, idempotencyKey, fingerprint("open", body)), "openedOn");
        return stored(caseId, recorded, 0);
    }

    /** Records one act; answers the stored act first, then the irregularities it revealed. */
    public Stored record(Partner partner, String caseId, JsonNode body, String idempotencyKey) {
        requireKey(idempotencyKey);
        ObjectNode node = object(body);
        JsonNode typeNode = node.remove("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new InvalidActException(List.of(new FieldProblem("type", "obligatoire : le nom de l'acte, par exemple PaymentOrderServed")));
        }
        if (ActType.ofTypeName(typeNode.asText()).filter(t -> t == ActType.PERSONAL_DATA_ERASED).isPresent()) {
            throw new InvalidActException(List.of(new FieldProblem("type",
                    "PersonalDataErased ne s'enregistre pas comme un acte : DELETE /api/v1/cases/{caseId}/personal-data (secrétariat)")));
        }
        ActType type = ActType.ofTypeName(typeNode.asText()).filter(ActType::postable)
                .orElseThrow(() -> new InvalidActException(List.of(new FieldProblem("type",
                        "acte inconnu '" + typeNode.asText() + "' ; l'un de " + recordableTypes()))));
        requireTrade(partner, type);
        // Writing needs the same access as reading: a dossier the partner may not read is answered as unknown (404, no stage).
        List<DomainEventMessage<?>> before = access.open(partner, caseId);
        CaseEvent act = toEvent(node, type.eventClass(), caseId, partner);
        Recorded recorded = send(new RecordAct(caseId, act, idempotencyKey, fingerprint(caseId, body)), null);
        // A new act is after the events read for the access check: only the tail of the stream is read back.
        return stored(caseId, recorded, recorded.replayed() ? 0 : before.get(before.size() - 1).getSequenceNumber() + 1);
    }

    /** Every event of a dossier in the order recorded; empty when there is no such dossier. */
    public List<DomainEventMessage<?>> events(String caseId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(caseId).asStream().forEach(events::add);
        return events;
    }

    public static List<CaseEvent> payloads(List<DomainEventMessage<?>> events) {
        return events.stream().map(m -> (CaseEvent) m.getPayload()).collect(Collectors.toList());
    }

    public static String recordableTypes() {
        return java.util.Arrays.stream(ActType.values()).filter(t -> t.postable() && !t.trades().equals(java.util.Set.of(fr.prevexp.engine.Trade.PROCEDURE)))
                .map(ActType::typeName).collect(Collectors.joining(", "));
    }

    private void requireTrade(Partner partner, ActType type) {
        if (!type.recordableBy(partner.trade())) {
            throw new AccessDeniedException("le rôle " + partner.trade() + " (" + partner.trade().french() + ") n'enregistre pas "
                    + type.typeName() + " (" + type.french() + ")");
        }
    }

    private ObjectNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidActException(List.of(new FieldProblem("(body)", "doit être un objet JSON")));
        }
        ObjectNode node = ((ObjectNode) body).deepCopy();
        for (String reserved : List.of("caseId", "recordedBy")) {
            if (node.has(reserved)) throw new InvalidActException(List.of(new FieldProblem(reserved, "fixé par le serveur, pas par le partenaire")));
        }
        return node;
    }

    private CaseEvent toEvent(ObjectNode node, Class<? extends CaseEvent> type, String caseId, Partner partner) {
        node.put("caseId", caseId);
        node.set("recordedBy", json.valueToTree(partner.recordedBy()));
        try {
            return strict.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidActException(List.of(new FieldProblem(path(e), "champ inconnu pour " + type.getSimpleName()
                    + " ; champs connus : " + e.getKnownPropertyIds())));
        } catch (InvalidFormatException e) {
            throw new InvalidActException(List.of(new FieldProblem(path(e), "valeur invalide '" + shown(e.getValue()) + "' : " + expected(e.getTargetType()))));
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw new InvalidActException(List.of(new FieldProblem(path(e), "valeur invalide : " + expected(e.getTargetType()))));
        } catch (JsonMappingException e) {
            throw new InvalidActException(List.of(new FieldProblem(path(e), "valeur invalide")));
        } catch (JsonProcessingException e) {
            throw new InvalidActException(List.of(new FieldProblem("(body)", "contenu JSON invalide")));
        }
    }

    /** A value as quoted back: at most 40 characters. */
    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** What a field of this type expects, in French. */
    private static String expected(Class<?> type) {
        if (type == null) return "une autre valeur attendue";
        if (type.isEnum()) return "l'une des valeurs " + java.util.Arrays.toString(type.getEnumConstants()) + " attendue";
        if (type == java.time.LocalDate.class) return "une date AAAA-MM-JJ attendue (sans heure)";
        if (type == Integer.class || type == int.class) return "un nombre entier attendu";
        if (type == java.math.BigDecimal.class) return "un montant en euros attendu (par exemple \"1950.00\")";
        if (type == Boolean.class || type == boolean.class) return "true ou false attendu";
        if (type == String.class) return "un texte attendu";
        if (java.util.Collection.class.isAssignableFrom(type)) return "une liste attendue";
        return "un objet " + type.getSimpleName() + " attendu";
    }

    /** An Idempotency-Key is at most {@link Limits#IDEMPOTENCY_KEY} characters. */
    private static void requireKey(String key) {
        if (key != null && (key.isBlank() || key.length() > Limits.IDEMPOTENCY_KEY)) {
            throw new BadParameterException("Idempotency-Key", "doit compter de 1 à " + Limits.IDEMPOTENCY_KEY + " caractères");
        }
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "(body)" : path;
    }

    private Recorded send(Object command, String occurredOnAlias) {
        try {
            return commands.send(command);
        } catch (InvalidActException e) {
            if (occurredOnAlias == null) throw e;
            throw new InvalidActException(e.problems().stream()
                    .map(p -> p.field().equals("occurredOn") ? new FieldProblem(occurredOnAlias, p.reason()) : p).toList());
        }
    }

    /** The stored messages of what the command recorded (sequence and timestamp come from the store). */
    private Stored stored(String caseId, Recorded recorded, long from) {
        List<DomainEventMessage<?>> all = new ArrayList<>();
        eventStore.readEvents(caseId, from).asStream().forEach(all::add);
        List<DomainEventMessage<?>> found = new ArrayList<>();
        Iterator<CaseEvent> wanted = recorded.events().iterator();
        CaseEvent next = wanted.next();
        for (DomainEventMessage<?> m : all) {
            if (next != null && m.getPayload().equals(next)) {
                found.add(m);
                next = wanted.hasNext() ? wanted.next() : null;
            }
        }
        if (found.size() != recorded.events().size()) throw new IllegalStateException("recorded events not found in the store for " + caseId);
        return new Stored(found, recorded.replayed());
    }

    /** A digest of the request (the target and the body with its keys sorted): same key, other body is a conflict. */
    private String fingerprint(String target, JsonNode body) {
        try {
            Object tree = canonical.treeToValue(body, Object.class);
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((target + "\n" + canonical.writeValueAsString(tree)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
