package fr.prevexp.engine;

import fr.prevexp.engine.events.CaseEvent;
import fr.prevexp.engine.events.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bounds every act is checked against besides its own rules (<i>bornes</i>, {@link Limits}):
 * the bean-validation annotations of the event records (lengths, amounts, counts) and the sane
 * range of every date of an act: its legal date from {@link Limits#OLDEST_ACT} to today, any other
 * date from {@link Limits#OLDEST_ACT} (a lease from {@link Limits#OLDEST_LEASE}) to
 * {@link Limits#YEARS_AFTER_ACT} years after the act.
 */
public final class ActBounds {
    private static final Validator VALIDATOR;

    static {
        try (ValidatorFactory factory = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            VALIDATOR = factory.getValidator();
        }
    }

    private ActBounds() {
    }

    /** The problems of an act's bounds, field by field, in a stable order; empty when within bounds. */
    public static List<FieldProblem> problems(CaseEvent act, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate occurredOn = act.occurredOn();
        if (occurredOn != null && occurredOn.isBefore(Limits.OLDEST_ACT)) {
            problems.add(new FieldProblem("occurredOn", "ne doit pas être antérieure au " + Limits.OLDEST_ACT));
        } else if (occurredOn != null && occurredOn.isAfter(today)) {
            problems.add(new FieldProblem("occurredOn", "ne doit pas être dans le futur (nous sommes le " + today + ")"));
        }
        for (RecordComponent component : act.getClass().getRecordComponents()) {
            if (component.getType() != LocalDate.class || component.getName().equals("occurredOn")
                    || component.getName().equals("leaseSignedOn")) continue;
            LocalDate date = (LocalDate) value(component, act);
            if (date == null) continue;
            if (date.isBefore(Limits.OLDEST_ACT)) {
                problems.add(new FieldProblem(component.getName(), "ne doit pas être antérieure au " + Limits.OLDEST_ACT));
            } else if (occurredOn != null && date.isAfter(occurredOn.plusYears(Limits.YEARS_AFTER_ACT))) {
                problems.add(new FieldProblem(component.getName(), "ne doit pas être plus de " + Limits.YEARS_AFTER_ACT
                        + " ans après la date de l'acte"));
            }
        }
        VALIDATOR.validate(act).stream()
                .sorted(Comparator.comparing((ConstraintViolation<CaseEvent> v) -> v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> problems.add(new FieldProblem(field(v.getPropertyPath()), v.getMessage())));
        return problems;
    }

    /** {@code household.name}, {@code recommendations[2]}: the API's names of the field. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) field.append('[').append(node.getIndex()).append(']');
            if (node.getName() == null || node.getName().startsWith("<")) continue;
            if (field.length() > 0) field.append('.');
            field.append(node.getName());
        }
        return field.toString();
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
