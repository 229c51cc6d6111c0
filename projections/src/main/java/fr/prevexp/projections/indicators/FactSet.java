package fr.prevexp.projections.indicators;

import fr.prevexp.engine.Parc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The facts an indicator is computed from, for one year narrowed to a territory and a parc (null:
 * all): the acts of the year counted by type, code, flag and parc in one grouped query (loaded on
 * first use), and on demand the few rows the median and the follow-ups need. Nothing loads the
 * year's acts one by one: a département year of a large département is hundreds of thousands of rows.
 */
public final class FactSet {
    private final IndicatorFactRepository facts;
    private final int year;
    private final String territory;
    private final Parc parc;
    private final LocalDate today;
    private List<FactGroup> groups;
    private final Map<String, List<DatedFact>> firsts = new java.util.HashMap<>();
    private final Map<String, Map<String, List<DatedFact>>> following = new java.util.HashMap<>();

    public FactSet(IndicatorFactRepository facts, int year, String territory, Parc parc, LocalDate today) {
        this.facts = facts;
        this.year = year;
        this.territory = territory;
        this.parc = parc;
        this.today = today;
    }

    public int year() { return year; }

    public LocalDate today() { return today; }

    private List<FactGroup> groups() {
        if (groups == null) groups = facts.groups(year, territory, parc);
        return groups;
    }

    /** Acts of this type dated in the year. */
    public long count(String type) {
        return count(type, g -> true);
    }

    /** Acts of this type dated in the year whose code, flag or parc satisfy {@code which}. */
    public long count(String type, Predicate<FactGroup> which) {
        return groups().stream().filter(g -> g.type().equals(type)).filter(which).mapToLong(FactGroup::count).sum();
    }

    /** The amounts the acts of this type carry, in ascending order. */
    public List<BigDecimal> amounts(String type) {
        return facts.amounts(year, territory, parc, type);
    }

    /** The first act of this type of each dossier in the year. */
    public List<DatedFact> firstOfYear(String type) {
        return firsts.computeIfAbsent(type, t -> facts.firstOfYear(year, territory, parc, t));
    }

    /**
     * The acts of these types, up to the end of the next year, of the dossiers that have an act of
     * type {@code of} in the year, by dossier.
     */
    public Map<String, List<DatedFact>> actsOfDossiersWith(String of, List<String> types) {
        return following.computeIfAbsent(of + types, k -> facts.actsOfDossiersWith(year, territory, parc, of, types, year + 1).stream()
                .collect(Collectors.groupingBy(DatedFact::caseId)));
    }

    /** A ratio rounded to 4 decimals; null when there is nothing to divide by. */
    public static Double rate(long numerator, long denominator) {
        if (denominator == 0) return null;
        return Math.round(10000.0 * numerator / denominator) / 10000.0;
    }
}
