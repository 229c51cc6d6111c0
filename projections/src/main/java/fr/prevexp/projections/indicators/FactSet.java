package fr.prevexp.projections.indicators;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The facts an indicator is computed from: the acts of the year (already narrowed to a territory
 * and a parc when asked), the whole timelines of given dossiers (for follow-ups that reach into
 * the next year), and today (for windows that must have run out before they count).
 */
public record FactSet(int year, List<IndicatorFact> ofYear, Function<Collection<String>, List<IndicatorFact>> timelines, LocalDate today) {

    public long count(String type) {
        return ofYear.stream().filter(f -> f.is(type)).count();
    }

    public long count(String type, Predicate<IndicatorFact> which) {
        return ofYear.stream().filter(f -> f.is(type)).filter(which).count();
    }

    public List<IndicatorFact> of(String type) {
        return ofYear.stream().filter(f -> f.is(type)).toList();
    }

    /** Every fact of the dossiers of these facts, by dossier. */
    public Map<String, List<IndicatorFact>> timelinesOf(List<IndicatorFact> facts) {
        return timelines.apply(facts.stream().map(IndicatorFact::getCaseId).distinct().toList()).stream()
                .collect(Collectors.groupingBy(IndicatorFact::getCaseId));
    }

    /** A ratio rounded to 4 decimals; null when there is nothing to divide by. */
    public static Double rate(long numerator, long denominator) {
        if (denominator == 0) return null;
        return Math.round(10000.0 * numerator / denominator) / 10000.0;
    }
}
