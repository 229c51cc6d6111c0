package fr.prevexp.projections.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.prevexp.engine.Parc;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Computes the indicators of a year, a territory and a parc from the facts read model. */
@Service
public class IndicatorService {
    private final IndicatorFactRepository facts;
    private final IndicatorYearRepository years;
    private final Clock clock;

    public IndicatorService(IndicatorFactRepository facts, IndicatorYearRepository years, Clock clock) {
        this.facts = facts;
        this.years = years;
        this.clock = clock;
    }

    /** One indicator's value (<i>valeur de l'indicateur</i>): a count, a rate between 0 and 1, an amount; null (written as null) when undefined. */
    public record Value(String key, String label, @JsonInclude(JsonInclude.Include.ALWAYS) Object value, String definition) {
    }

    @Transactional(readOnly = true)
    public List<Value> of(int year, String territory, Parc parc) {
        FactSet set = facts(year, territory, parc);
        return Arrays.stream(Indicator.values())
                .map(i -> new Value(i.name(), i.label(), i.valueOf(set), i.definition())).toList();
    }

    /** The facts of a year; each query runs once, when an indicator first needs it. */
    private FactSet facts(int year, String territory, Parc parc) {
        return new FactSet(facts, year, territory, parc, LocalDate.now(clock.withZone(fr.prevexp.engine.aggregate.EvictionCase.LEGAL_ZONE)));
    }

    /** The years in which acts were recorded: a year without any is a year without data, not a year of zeros. */
    @Transactional(readOnly = true)
    public java.util.Set<Integer> yearsWithActs() {
        return new java.util.HashSet<>(years.years());
    }

    /** How many acts each year of activity holds (the procedure's deadline bookkeeping left out). */
    @Transactional(readOnly = true)
    public java.util.Map<Integer, Long> actsPerYear() {
        java.util.Map<Integer, Long> acts = new java.util.HashMap<>();
        years.findAll().forEach(y -> acts.put(y.getYear(), y.getActs()));
        return acts;
    }

    /** The years in which acts were recorded, latest first. */
    @Transactional(readOnly = true)
    public List<Integer> years() {
        return years.years();
    }

    /** The communes (INSEE codes) of the dossiers. */
    @Transactional(readOnly = true)
    public List<String> territories() {
        return facts.territories();
    }

    /** Some indicators of a year, from one set of facts. */
    @Transactional(readOnly = true)
    public java.util.Map<Indicator, Object> values(java.util.Collection<Indicator> which, int year, String territory, Parc parc) {
        FactSet set = facts(year, territory, parc);
        java.util.Map<Indicator, Object> values = new java.util.EnumMap<>(Indicator.class);
        for (Indicator i : which) values.put(i, i.valueOf(set));
        return values;
    }

    @Transactional(readOnly = true)
    public Object value(Indicator indicator, int year, String territory, Parc parc) {
        return indicator.valueOf(facts(year, territory, parc));
    }
}
