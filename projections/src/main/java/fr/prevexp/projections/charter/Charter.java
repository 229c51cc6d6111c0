package fr.prevexp.projections.charter;

import fr.prevexp.projections.indicators.Indicator;

import java.util.List;

/**
 * A département's eviction-prevention charter as data (<i>charte de prévention des expulsions</i>):
 * its years, its quantitative objectives (an indicator and a target) and the indicators it follows.
 */
public record Charter(String departement, String name, int from, int to, int baselineYear, List<Objective> objectives,
                      List<Indicator> indicators) {

    /** An objective of the charter (<i>objectif quantitatif</i>). */
    public record Objective(Indicator indicator, String label, Target target) {
    }

    /**
     * How the target of a year is set: {@code ANNUAL_CHANGE} (the previous year's value changed by
     * {@code change}), {@code CHANGE_BY_END} (the baseline year's value changed by {@code change} by
     * the last year, linearly in between), {@code TREND} (better than the previous year in
     * {@code direction}). {@code unit}: {@code PERCENT} (relative) or {@code POINTS} (added to a rate).
     */
    public record Target(Type type, Double change, Unit unit, Direction direction) {
        public enum Type { ANNUAL_CHANGE, CHANGE_BY_END, TREND }

        public enum Unit { PERCENT, POINTS }

        public enum Direction { UP, DOWN }

        /** Whether a higher value is the better one for this target. */
        public boolean upIsBetter() {
            return type == Type.TREND ? direction == Direction.UP : change != null && change > 0;
        }
    }
}
