package fr.prevexp.api.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.prevexp.engine.PersonalData;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Where the {@link PersonalData} fields of an event are: the paths of the annotated record
 * components (searched into components that are records: {@code household.name}), found once per
 * class. The serializer, the migration and the minimisation all read them from here.
 */
public final class PersonalFields {
    private PersonalFields() {
    }

    /** One personal field: its path in the event's JSON and what it tells. */
    public record Path(List<String> names, PersonalData.Kind kind) {
        public String dotted() {
            return String.join(".", names);
        }
    }

    private static final Map<Class<?>, List<Path>> PATHS = new ConcurrentHashMap<>();

    /** The personal fields of a class; empty for classes that are not records or carry none. */
    public static List<Path> of(Class<?> type) {
        return PATHS.computeIfAbsent(type, t -> List.copyOf(find(t, List.of(), 0)));
    }

    private static List<Path> find(Class<?> type, List<String> prefix, int depth) {
        List<Path> paths = new ArrayList<>();
        if (!type.isRecord() || depth > 4) return paths;
        for (RecordComponent component : type.getRecordComponents()) {
            List<String> names = new ArrayList<>(prefix);
            names.add(component.getName());
            PersonalData personal = component.getAnnotation(PersonalData.class);
            if (personal != null) paths.add(new Path(List.copyOf(names), personal.value()));
            else if (component.getType().isRecord()) paths.addAll(find(component.getType(), names, depth + 1));
        }
        return paths;
    }

    /**
     * Replaces, in an event's JSON, every text of its personal fields (a text, or each text of a list)
     * by what the function gives for it ({@code (path, text) -> new text}). Answers whether anything changed.
     */
    public static boolean transform(JsonNode root, List<Path> paths, BiFunction<Path, String, String> change) {
        boolean changed = false;
        for (Path path : paths) {
            JsonNode parent = root;
            for (int i = 0; i < path.names().size() - 1 && parent != null; i++) parent = parent.get(path.names().get(i));
            if (!(parent instanceof ObjectNode object)) continue;
            String leaf = path.names().get(path.names().size() - 1);
            JsonNode value = object.get(leaf);
            if (value instanceof TextNode text) {
                String after = change.apply(path, text.asText());
                if (!after.equals(text.asText())) {
                    object.put(leaf, after);
                    changed = true;
                }
            } else if (value instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (!array.get(i).isTextual()) continue;
                    String before = array.get(i).asText();
                    String after = change.apply(path, before);
                    if (!after.equals(before)) {
                        array.set(i, TextNode.valueOf(after));
                        changed = true;
                    }
                }
            }
        }
        return changed;
    }

    /** The kinds of personal field a class carries. */
    public static Collection<PersonalData.Kind> kinds(Class<?> type) {
        return of(type).stream().map(Path::kind).distinct().toList();
    }
}
