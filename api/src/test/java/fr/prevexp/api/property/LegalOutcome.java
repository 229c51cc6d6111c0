package fr.prevexp.api.property;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a dossier ends with, normalised so that two runs of the same history can be compared: the
 * case view's stage, debt, hearing, judgment and closure, its deadlines (kind, startsOn, dueOn,
 * status) and irregularities (code, act, date) as sorted lists (the view lists them in recording
 * order, which is not legal truth), and the dossier's contribution to every indicator of every year
 * (the indicators of its territory, which no other dossier of the run shares).
 */
record LegalOutcome(Map<String, String> view, List<String> deadlines, List<String> irregularities,
                    Map<Integer, Map<String, String>> indicators) {

    static LegalOutcome of(JsonNode caseView, Map<Integer, JsonNode> indicatorsByYear) {
        Map<String, String> view = new TreeMap<>();
        for (String field : List.of("stage", "debt", "hearingOn", "judgmentOutcome", "closedWith")) {
            view.put(field, caseView.path(field).asText(""));
        }
        List<String> deadlines = new ArrayList<>();
        for (JsonNode d : caseView.path("deadlines")) {
            deadlines.add(d.path("kind").asText() + " " + d.path("startsOn").asText() + ".." + d.path("dueOn").asText() + " " + d.path("status").asText());
        }
        deadlines.sort(null);
        List<String> irregularities = new ArrayList<>();
        for (JsonNode i : caseView.path("irregularities")) {
            irregularities.add(i.path("code").asText() + " " + i.path("act").asText() + " " + i.path("occurredOn").asText());
        }
        irregularities.sort(null);
        Map<Integer, Map<String, String>> indicators = new TreeMap<>();
        indicatorsByYear.forEach((year, answer) -> {
            Map<String, String> values = new TreeMap<>();
            for (JsonNode v : answer.path("indicators")) {
                JsonNode value = v.path("value");
                if (!value.isNull()) values.put(v.path("key").asText(), value.toString());
            }
            if (!values.isEmpty()) indicators.put(year, values);
        });
        return new LegalOutcome(view, deadlines, irregularities, indicators);
    }

    /** What differs from {@code expected}, one line per difference; empty when the same. */
    List<String> differencesFrom(LegalOutcome expected) {
        List<String> differences = new ArrayList<>();
        for (String field : expected.view.keySet()) {
            if (!Objects.equals(expected.view.get(field), view.get(field))) {
                differences.add("case view " + field + ": expected " + expected.view.get(field) + ", got " + view.get(field));
            }
        }
        compare("deadline", expected.deadlines, deadlines, differences);
        compare("irregularity", expected.irregularities, irregularities, differences);
        java.util.Set<Integer> years = new java.util.TreeSet<>(expected.indicators.keySet());
        years.addAll(indicators.keySet());
        for (int year : years) {
            Map<String, String> e = expected.indicators.getOrDefault(year, Map.of());
            Map<String, String> a = indicators.getOrDefault(year, Map.of());
            java.util.Set<String> keys = new java.util.TreeSet<>(e.keySet());
            keys.addAll(a.keySet());
            for (String key : keys) {
                if (!Objects.equals(e.get(key), a.get(key))) {
                    differences.add("indicator " + year + " " + key + ": expected " + e.get(key) + ", got " + a.get(key));
                }
            }
        }
        return differences;
    }

    private static void compare(String what, List<String> expected, List<String> actual, List<String> differences) {
        List<String> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<String> extra = new ArrayList<>(actual);
        expected.forEach(extra::remove);
        missing.forEach(m -> differences.add(what + " missing: " + m));
        extra.forEach(x -> differences.add(what + " extra: " + x));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("    view ").append(view).append('\n');
        deadlines.forEach(d -> s.append("    deadline ").append(d).append('\n'));
        irregularities.forEach(i -> s.append("    irregularity ").append(i).append('\n'));
        // what the dossier contributes (a year it has nothing in shows zeros)
        indicators.forEach((y, v) -> {
            Map<String, String> nonZero = new TreeMap<>(v);
            nonZero.values().removeIf(x -> x.matches("0(\\.0+)?"));
            if (!nonZero.isEmpty()) s.append("    indicators ").append(y).append(' ').append(nonZero).append('\n');
        });
        return s.toString();
    }
}
