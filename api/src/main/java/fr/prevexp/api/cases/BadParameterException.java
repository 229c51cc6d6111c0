package fr.prevexp.api.cases;

import fr.prevexp.engine.Limits;

import java.time.LocalDate;

/** An invalid query parameter or header (<i>paramètre invalide</i>); its reason is French. */
public class BadParameterException extends RuntimeException {
    private final String parameter;
    private final String reason;

    public BadParameterException(String parameter, String reason) {
        super(parameter + " " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    public String parameter() { return parameter; }

    public String reason() { return reason; }

    /** A date parameter within the sane range of {@link Limits} (1990-01-01 to 2100-12-31); null stays null. */
    public static LocalDate date(String parameter, LocalDate date) {
        if (!Limits.within(date, Limits.OLDEST_ACT, Limits.LATEST_DATE)) {
            throw new BadParameterException(parameter, "doit être une date entre " + Limits.OLDEST_ACT + " et " + Limits.LATEST_DATE);
        }
        return date;
    }

    /** A year parameter within the sane range of {@link Limits}. */
    public static int year(String parameter, int year) {
        if (year < Limits.OLDEST_ACT.getYear() || year > Limits.LATEST_DATE.getYear()) {
            throw new BadParameterException(parameter, "doit être une année entre " + Limits.OLDEST_ACT.getYear() + " et " + Limits.LATEST_DATE.getYear());
        }
        return year;
    }

    /** An integer parameter between two bounds, both included. */
    public static int between(String parameter, int value, int min, int max) {
        if (value < min || value > max) throw new BadParameterException(parameter, "doit être entre " + min + " et " + max);
        return value;
    }

    /** A territory filter: an INSEE commune code (5 characters, e.g. 93066 or 2A004); blank is none. */
    public static String territory(String parameter, String territory) {
        if (territory == null || territory.isBlank()) return null;
        if (!territory.matches("\\d{5}|2[AB]\\d{3}")) throw new BadParameterException(parameter, "doit être un code commune INSEE (5 caractères, par exemple 93066 ou 2A004)");
        return territory;
    }
}
