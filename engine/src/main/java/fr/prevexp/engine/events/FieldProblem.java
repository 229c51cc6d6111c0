package fr.prevexp.engine.events;

import java.util.ArrayList;
import java.util.List;

/** One invalid field of an act and why (<i>champ invalide</i>). */
public record FieldProblem(String field, String reason) {

    /** Collects problems tersely: {@code Check.of().require(x != null, "x", "obligatoire").list()}. */
    public static final class Check {
        private final List<FieldProblem> problems = new ArrayList<>();

        public static Check of() { return new Check(); }

        public Check require(boolean ok, String field, String reason) {
            if (!ok) problems.add(new FieldProblem(field, reason));
            return this;
        }

        public Check and(List<FieldProblem> more) {
            problems.addAll(more);
            return this;
        }

        public List<FieldProblem> list() { return List.copyOf(problems); }
    }
}
