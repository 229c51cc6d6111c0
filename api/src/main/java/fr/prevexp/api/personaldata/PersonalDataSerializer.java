package fr.prevexp.api.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import fr.prevexp.engine.events.CaseEvent;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;

import java.util.List;
import java.util.function.Supplier;

/**
 * The event store's serializer with crypto-shredding (<i>chiffrement des données personnelles</i>):
 * Axon's own (Jackson) serializer, with the {@link fr.prevexp.engine.PersonalData} fields of every
 * event enciphered with its dossier's key on the way in (the event's {@code caseId} names the
 * dossier) and deciphered on the way out. Everything that stores or reads events goes through it
 * (the event store, the tracking processors, the dead-letter queues, replays, the history), so no
 * personal field is ever written in clear and an erased dossier reads {@code [effacé]} everywhere.
 * Events without personal fields, and every other message, pass through untouched.
 */
public class PersonalDataSerializer implements Serializer {
    private final Serializer delegate;
    private final Supplier<PersonalDataKeys> keys;

    public PersonalDataSerializer(Serializer delegate, Supplier<PersonalDataKeys> keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    /** The serializer it wraps: what the previous version wrote with (clear text). */
    public Serializer delegate() {
        return delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (!(object instanceof CaseEvent event) || PersonalFields.of(object.getClass()).isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<JsonNode> tree = delegate.serialize(object, JsonNode.class);
        JsonNode json = tree.getData().deepCopy();
        PersonalFields.transform(json, PersonalFields.of(object.getClass()), (path, text) -> keys.get().encrypt(event.caseId(), text));
        return getConverter().convert(new SimpleSerializedObject<>(json, JsonNode.class, tree.getType()), expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        List<PersonalFields.Path> paths = paths(serializedObject.getType());
        if (paths.isEmpty()) return delegate.deserialize(serializedObject);
        JsonNode json = tree(serializedObject);
        String caseId = json.path("caseId").isTextual() ? json.get("caseId").asText() : null;
        PersonalFields.transform(json, paths, (path, text) -> keys.get().decrypt(caseId, text));
        return delegate.deserialize(new SimpleSerializedObject<>(json, JsonNode.class, serializedObject.getType()));
    }

    /** The stored JSON, amounts kept exact (650.00 stays 650.00). */
    private JsonNode tree(SerializedObject<?> stored) {
        if (stored.getData() instanceof byte[] bytes) {
            try {
                return EXACT.readTree(bytes);
            } catch (java.io.IOException e) {
                throw new org.axonframework.serialization.SerializationException("unreadable event payload", e);
            }
        }
        return getConverter().convert(stored, JsonNode.class).getData().deepCopy();
    }

    static final com.fasterxml.jackson.databind.ObjectMapper EXACT = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    private List<PersonalFields.Path> paths(SerializedType type) {
        if (type == null || SerializedType.emptyType().equals(type) || UnknownSerializedType.class.getName().equals(type.getName())) {
            return List.of();
        }
        Class<?> c;
        try {
            c = delegate.classForType(type);
        } catch (RuntimeException e) {
            return List.of();
        }
        return CaseEvent.class.isAssignableFrom(c) ? PersonalFields.of(c) : List.of();
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
