package fr.prevexp.projections.charter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.prevexp.projections.indicators.Indicator;
import fr.prevexp.projections.indicators.IndicatorService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the configured charter ({@code prevexp.charter.location}, a YAML file; the Seine-Saint-Denis
 * charter by default) and sets each objective's actual value against its target, year by year.
 */
@Service
public class CharterService {
    private final Charter charter;
    private final IndicatorService indicators;

    public CharterService(@Value("${prevexp.charter.location:classpath:charters/seine-saint-denis-2022.yml}") Resource location,
                          IndicatorService indicators) {
        this.charter = load(location);
        this.indicators = indicators;
    }

    public static Charter load(Resource location) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = location.getInputStream()) {
            Charter charter = yaml.readValue(in, Charter.class);
            if (charter.from() > charter.to() || charter.baselineYear() >= charter.from()) {
                throw new IllegalArgumentException("years: baselineYear < from <= to");
            }
            for (Charter.Objective o : charter.objectives()) {
                Charter.Target t = o.target();
                if (t == null || t.type() == null) throw new IllegalArgumentException("objective " + o.indicator() + ": target.type is required");
                if (t.type() == Charter.Target.Type.TREND ? t.direction() == null : t.change() == null || t.unit() == null) {
                    throw new IllegalArgumentException("objective " + o.indicator() + ": TREND needs direction, the others change and unit");
                }
            }
            return charter;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("The charter " + location + " is invalid: " + e.getMessage(), e);
        }
    }

    public Charter charter() {
        return charter;
    }

    /**
     * One year of an objective: the actual value, the target and whether it is met: {@code MET},
     * {@code NOT_MET}, {@code NO_DATA} (no act that year), {@code NO_BASELINE} (<i>pas de référence</i>:
     * the year it is compared with, the previous one or the charter's baseline, has no value of this
     * indicator, or 0, or is almost empty: fewer than a tenth of the acts of the year measured, or,
     * for a count, less than a tenth of the count measured; so there is no target).
     */
    public record YearResult(int year, @JsonInclude(JsonInclude.Include.ALWAYS) Object actual,
                             @JsonInclude(JsonInclude.Include.ALWAYS) Double target, String status) {
    }

    public record ObjectiveResult(String indicator, String indicatorLabel, String label, Charter.Target target, List<YearResult> years) {
    }

    public record Result(String departement, String name, int from, int to, int baselineYear, List<ObjectiveResult> objectives,
                         List<IndicatorRef> indicators) {
    }

    public record IndicatorRef(String key, String label) {
    }

    /** A year with fewer acts than this share of the year it is compared with is almost empty: no comparison with it. */
    static final double ALMOST_EMPTY = 0.1;

    public Result evaluate() {
        List<ObjectiveResult> objectives = new ArrayList<>();
        java.util.Set<Integer> withActs = indicators.yearsWithActs();
        java.util.Map<Integer, Long> actsPerYear = indicators.actsPerYear();
        List<Indicator> followed = charter.objectives().stream().map(Charter.Objective::indicator).distinct().toList();
        // Each year's facts are read once for every objective; a year without any act is a year without data.
        java.util.Map<Integer, java.util.Map<Indicator, Object>> actuals = new java.util.HashMap<>();
        for (int year = charter.baselineYear(); year <= charter.to(); year++) {
            if (withActs.contains(year)) actuals.put(year, indicators.values(followed, year, null, null));
        }
        for (Charter.Objective o : charter.objectives()) {
            Double baseline = actual(actuals, charter.baselineYear(), o.indicator());
            Double previous = baseline;
            List<YearResult> years = new ArrayList<>();
            for (int year = charter.from(); year <= charter.to(); year++) {
                Double actual = actual(actuals, year, o.indicator());
                boolean byEnd = o.target().type() == Charter.Target.Type.CHANGE_BY_END;
                Double reference = byEnd ? baseline : previous;
                int referenceYear = byEnd ? charter.baselineYear() : year - 1;
                // A reference year without this indicator (no act of it, or a value of 0), or almost empty (fewer than a tenth of
                // the acts of the year measured: a partial year, before the platform was in use), gives no target: no comparison,
                // and never "not met" against a target of 0.
                boolean almostEmpty = actsPerYear.getOrDefault(referenceYear, 0L) < ALMOST_EMPTY * actsPerYear.getOrDefault(year, 0L)
                        // a count more than ten times smaller the year before: that year's acts of this kind were not all recorded
                        || (isCount(actuals, year, o.indicator()) && reference != null && actual != null && reference < ALMOST_EMPTY * actual);
                boolean noReference = reference == null || reference == 0.0 || almostEmpty;
                Double target = noReference && !(byEnd && o.target().unit() == Charter.Target.Unit.POINTS && reference != null && !almostEmpty)
                        ? null : target(o.target(), baseline, previous, year);
                String status = actual == null ? "NO_DATA" : target == null ? "NO_BASELINE"
                        : (o.target().upIsBetter() ? actual >= target : actual <= target) ? "MET" : "NOT_MET";
                if (o.target().type() == Charter.Target.Type.TREND && actual != null && target != null && actual.equals(target)) status = "NOT_MET";
                years.add(new YearResult(year, actual, target, status));
                previous = actual;
            }
            objectives.add(new ObjectiveResult(o.indicator().name(), o.indicator().label(), o.label(), o.target(), years));
        }
        return new Result(charter.departement(), charter.name(), charter.from(), charter.to(), charter.baselineYear(), objectives,
                charter.indicators().stream().map(i -> new IndicatorRef(i.name(), i.label())).toList());
    }

    /** Whether the indicator is a count of acts (an integer), not a rate, a ratio or an amount. */
    private static boolean isCount(java.util.Map<Integer, java.util.Map<Indicator, Object>> actuals, int year, Indicator indicator) {
        java.util.Map<Indicator, Object> ofYear = actuals.get(year);
        Object value = ofYear == null ? null : ofYear.get(indicator);
        return value instanceof Long || value instanceof Integer;
    }

    private static Double actual(java.util.Map<Integer, java.util.Map<Indicator, Object>> actuals, int year, Indicator indicator) {
        java.util.Map<Indicator, Object> ofYear = actuals.get(year);
        return ofYear == null ? null : number(ofYear.get(indicator));
    }

    private Double target(Charter.Target t, Double baseline, Double previous, int year) {
        return switch (t.type()) {
            case TREND -> previous;
            case ANNUAL_CHANGE -> previous == null ? null : apply(previous, t.change(), t.unit());
            case CHANGE_BY_END -> {
                if (baseline == null) yield null;
                double progress = (double) (year - charter.baselineYear()) / (charter.to() - charter.baselineYear());
                yield apply(baseline, t.change() * progress, t.unit());
            }
        };
    }

    private static Double apply(double value, double change, Charter.Target.Unit unit) {
        double target = unit == Charter.Target.Unit.POINTS ? value + change : value * (1 + change);
        return Math.round(target * 10000.0) / 10000.0;
    }

    private static Double number(Object value) {
        if (value instanceof Number n) return n.doubleValue();
        if (value instanceof BigDecimal b) return b.doubleValue();
        return null;
    }

}
