package fr.prevexp.api.cases;

/** An invalid query parameter (<i>paramètre invalide</i>). */
public class BadParameterException extends RuntimeException {
    private final String parameter;

    public BadParameterException(String parameter, String reason) {
        super(parameter + " " + reason);
        this.parameter = parameter;
    }

    public String parameter() { return parameter; }
}
