package fr.prevexp.engine;

import fr.prevexp.engine.events.FieldProblem;

import java.util.List;
import java.util.stream.Collectors;

/** An act with missing or invalid fields (<i>acte invalide</i>); nothing is recorded. */
public class InvalidActException extends RuntimeException {
    private final List<FieldProblem> problems;

    public InvalidActException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + " " + p.reason()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() { return problems; }
}
