package fr.prevexp.api.property;

import com.fasterxml.jackson.databind.JsonNode;
import fr.prevexp.api.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 8, point 1: <b>the same history gives the same legal truth, whenever and in whatever order
 * its acts are recorded.</b> For each generated history ({@link ProcedureHistory}: both legal regimes,
 * the winter truce, year ends), four dossiers of the same application record it:
 * <ol>
 * <li>{@code ON_THE_DAY}: each act on its legal day, the clock moving forward (timers fire between acts);</li>
 * <li>{@code AT_ONCE}: all acts at once in legal order, long after;</li>
 * <li>{@code SHUFFLED}: all acts at once in a generated order; an act the procedure refuses at that
 *     point (409: an order to leave before its judgment is on record is impossible in legal order
 *     until the judgment is recorded; nothing after the closure) is put back and posted after the
 *     others, so the order recorded is a shuffled order the procedure allows;</li>
 * <li>{@code LATE}: the first acts recorded on the day of the last of them, then the clock jumps past
 *     every window (the timers fire: deadlines elapsed, implicit refusal, irregularities), then the
 *     remaining acts: the procedure's corrections must lead to the same end.</li>
 * </ol>
 * In the modes "at once", the job executor (run by the test) sometimes takes the due jobs between two
 * posts, as it would while a partner's batch arrives. Every mode ends at the same instant (a year
 * after the last act, then one hour more for the procedure's short re-reads); then each dossier's case
 * view (stage, debt, deadlines with kind/startsOn/dueOn/status, irregularities) and its contribution
 * to the indicators of every year must equal the first mode's, with no incident and nothing parked.
 *
 * <p>Each try draws its history's {@value #CHOICES} choices from its own seed (base seed + try): in
 * the suite, {@value #DEFAULT_TRIES} tries from the fixed base seed {@value #DEFAULT_SEED}, so that every
 * run checks the same histories (about two and a half minutes on two cores, the application's start
 * included); {@code -Dprevexp.property.tries=500 -Dprevexp.property.seed=<any number>} explores others.
 * A failure names its try's seed ({@code -Dprevexp.property.seed=<it> -Dprevexp.property.tries=1} runs
 * it alone) and is first shrunk: choices are set to 0 one at a time (every choice 0 is the simplest
 * history) while the failure persists, for at most {@value #SHRINK_SECONDS} s.
 *
 * <p>No property-testing library: jqwik, the one on Maven Central for JUnit 5, asks since its version
 * 1.10 not to be used by AI coding agents (its "Anti-AI Usage Clause"), and this test was written by
 * one; the history is a pure function of its list of choices, so drawing and shrinking them takes the
 * few lines below.
 */
class OrderIndependencePropertyTest {
    static final int DEFAULT_TRIES = 8;
    static final long DEFAULT_SEED = 20261123L;
    static final int CHOICES = 90;
    static final int SHRINK_SECONDS = 90;
    private static ProcedureUnderTest app;
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final List<Duration> durations = new ArrayList<>();

    enum Mode { ON_THE_DAY, AT_ONCE, SHUFFLED, LATE }

    @BeforeAll
    static void start() {
        app = new ProcedureUnderTest();
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
        if (!durations.isEmpty()) {
            System.out.printf("OrderIndependencePropertyTest: %d histories, %d dossiers, %.1f s per history on average%n",
                    durations.size(), RUNS.get(), durations.stream().mapToLong(Duration::toMillis).average().orElse(0) / 1000);
        }
    }

    @Test
    void aHistoryGivesTheSameLegalTruthWhateverTheOrderAndTimeItIsRecordedIn() {
        long base = Long.getLong("prevexp.property.seed", DEFAULT_SEED);
        int tries = Integer.getInteger("prevexp.property.tries", DEFAULT_TRIES);
        for (int i = 0; i < tries; i++) {
            long seed = base + i;
            List<Integer> choices = choices(seed);
            try {
                check(ProcedureHistory.from(choices));
            } catch (AssertionError failure) {
                List<Integer> shrunk = shrink(choices);
                AssertionError smallest = failure;
                if (!shrunk.equals(choices)) {
                    try {
                        check(ProcedureHistory.from(shrunk));
                    } catch (AssertionError e) {
                        smallest = e;
                    }
                }
                throw new AssertionError("try " + (i + 1) + " of " + tries + ", seed " + seed + " (alone: -Dprevexp.property.seed=" + seed
                        + " -Dprevexp.property.tries=1); choices " + choices + (shrunk.equals(choices) ? "" : ", shrunk to " + shrunk)
                        + "\n" + smallest.getMessage(), failure);
            }
        }
    }

    /** The choices of one try: {@value #CHOICES} numbers from 0 to 9999 drawn from its seed. */
    static List<Integer> choices(long seed) {
        Random random = new Random(seed);
        List<Integer> choices = new ArrayList<>();
        for (int i = 0; i < CHOICES; i++) choices.add(random.nextInt(10_000));
        return choices;
    }

    /** Sets the choices to 0 one at a time while the history still fails, within {@value #SHRINK_SECONDS} s. */
    static List<Integer> shrink(List<Integer> failing) {
        Instant deadline = Instant.now().plusSeconds(SHRINK_SECONDS);
        List<Integer> current = new ArrayList<>(failing);
        for (int i = 0; i < current.size() && Instant.now().isBefore(deadline); i++) {
            if (current.get(i) == 0) continue;
            List<Integer> candidate = new ArrayList<>(current);
            candidate.set(i, 0);
            try {
                check(ProcedureHistory.from(candidate));
            } catch (AssertionError stillFails) {
                current = candidate;
            }
        }
        return current;
    }

    /** Runs the history in every mode and compares each with the first. */
    static void check(ProcedureHistory history) {
        Instant started = Instant.now();
        Map<Mode, Run> runs = new LinkedHashMap<>();
        StringBuilder timing = new StringBuilder();
        for (Mode mode : Mode.values()) {
            Instant begin = Instant.now();
            runs.put(mode, run(history, mode));
            timing.append(' ').append(mode).append(' ').append(Duration.between(begin, Instant.now()).toMillis()).append(" ms");
        }
        System.out.printf("OrderIndependencePropertyTest: history of %d acts:%s%n", history.acts().size(), timing);
        Run reference = runs.get(Mode.ON_THE_DAY);
        StringBuilder failures = new StringBuilder();
        for (Run run : runs.values()) {
            List<String> problems = new ArrayList<>(run.outcome.differencesFrom(reference.outcome));
            run.incidents.forEach(i -> problems.add("incident: " + i));
            if (run.parked) problems.add("an event of the dossier is parked in a dead-letter queue");
            if (!problems.isEmpty()) {
                failures.append("\n== mode ").append(run.mode).append(" (dossier ").append(run.caseId).append(", recorded: ").append(run.recorded)
                        .append(")\n  differs from ON_THE_DAY (dossier ").append(reference.caseId).append("):\n");
                problems.forEach(p -> failures.append("  - ").append(p).append('\n'));
                failures.append("  its procedure's events:\n").append(run.procedure);
            }
        }
        synchronized (durations) {
            durations.add(Duration.between(started, Instant.now()));
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("The same history did not give the same legal truth in every mode.\n" + history
                    + "\n== ON_THE_DAY (dossier " + reference.caseId + ") ends with:\n" + reference.outcome
                    + "  its procedure's events:\n" + reference.procedure + failures);
        }
    }

    /** What one mode's dossier ended with. */
    record Run(Mode mode, String caseId, List<String> recorded, LegalOutcome outcome, List<String> incidents, boolean parked, String procedure) {
    }

    static Run run(ProcedureHistory history, Mode mode) {
        LocalDate end = history.lastDate().plusYears(1);
        List<ProcedureHistory.Act> acts = history.acts();
        List<String> recorded = new ArrayList<>();
        String territory = history.departement() + "%03d".formatted(1 + RUNS.getAndIncrement() % 999);
        app.day(mode == Mode.ON_THE_DAY ? history.openedOn() : mode == Mode.LATE ? acts.isEmpty() ? history.openedOn()
                : acts.get(history.split() - 1).on() : end);
        String caseId = app.open(history.opening(territory));
        switch (mode) {
            case ON_THE_DAY -> {
                app.settle(caseId);
                for (ProcedureHistory.Act act : acts) {
                    app.day(act.on());
                    app.settle(caseId);   // the previous act's steps, then the timers due before this day, fire first
                    post(caseId, act, recorded, mode);
                }
            }
            case AT_ONCE -> postAll(caseId, acts, history.drains(), recorded, mode);
            case SHUFFLED -> {
                Deque<ProcedureHistory.Act> pending = new ArrayDeque<>();
                history.shuffle().forEach(i -> pending.add(acts.get(i)));
                int refusedInARow = 0;
                int rank = 0;
                while (!pending.isEmpty()) {
                    ProcedureHistory.Act act = pending.poll();
                    if (act.type().equals("CaseClosed") && !pending.isEmpty()) {
                        pending.add(act);   // the closure ends the recording: after the acts put back
                        continue;
                    }
                    ApiClient.Answer answer = app.post(caseId, act);
                    if (answer.status() == 201) {
                        recorded.add("#" + acts.indexOf(act));
                        refusedInARow = 0;
                        if (history.drains().get(rank++ % acts.size())) app.runDueJobs(caseId);
                    } else if (answer.status() == 409 && answer.body().path("type").asText().endsWith("act-refused-at-stage")
                            && refusedInARow < pending.size() + 1) {
                        recorded.add("(#" + acts.indexOf(act) + " 409)");
                        pending.add(act);    // not possible yet in legal order: after the others
                        refusedInARow++;
                    } else {
                        throw new AssertionError("mode " + mode + ": " + act + " -> " + answer.status() + " " + answer.body() + "\nrecorded " + recorded + "\n" + history);
                    }
                }
            }
            case LATE -> {
                postAll(caseId, acts.subList(0, history.split()), history.drains(), recorded, mode);
                app.settle(caseId);
                app.day(end);
                app.settle(caseId);   // every window of the first acts closes, without the later acts
                recorded.add("| clock to " + end);
                postAll(caseId, acts.subList(history.split(), acts.size()), history.drains(), recorded, mode);
            }
        }
        app.day(end);
        app.settle(caseId);
        app.at(app.now().plus(Duration.ofHours(1)));   // the procedure's short re-reads (seconds after a wait began) come due
        app.settle(caseId);
        JsonNode view = app.get("/api/v1/cases/" + caseId);
        Map<Integer, JsonNode> indicators = new LinkedHashMap<>();
        for (int year = history.openedOn().getYear(); year <= end.getYear(); year++) {
            indicators.put(year, app.get("/api/v1/indicators?year=" + year + "&territory=" + territory));
        }
        boolean parked = app.get("/api/v1/admin/dead-letters").toString().contains(caseId);
        return new Run(mode, caseId, recorded, LegalOutcome.of(view, indicators), app.incidents(caseId), parked, procedureEvents(caseId));
    }

    private static void postAll(String caseId, List<ProcedureHistory.Act> acts, List<Boolean> drains, List<String> recorded, Mode mode) {
        for (int i = 0; i < acts.size(); i++) {
            post(caseId, acts.get(i), recorded, mode);
            if (drains.get(i % drains.size())) app.runDueJobs(caseId);
        }
    }

    private static void post(String caseId, ProcedureHistory.Act act, List<String> recorded, Mode mode) {
        ApiClient.Answer answer = app.post(caseId, act);
        if (answer.status() != 201) {
            throw new AssertionError("mode " + mode + ": a legal act was refused: " + act + " -> " + answer.status() + " " + answer.body()
                    + "\nrecorded before: " + recorded);
        }
        recorded.add(act.type() + " " + act.on());
    }

    /** The events the procedure recorded on the dossier, in recording order ("type kind occurredOn"). */
    private static String procedureEvents(String caseId) {
        StringBuilder s = new StringBuilder();
        for (JsonNode e : app.get("/api/v1/cases/" + caseId + "/history").path("events")) {
            if (!e.path("recordedBy").path("trade").asText().equals("PROCEDURE")) continue;
            JsonNode f = e.path("fields");
            s.append("    ").append(e.path("type").asText()).append(' ').append(f.path("kind").asText(f.path("code").asText("")))
                    .append(' ').append(e.path("occurredOn").asText());
            if (f.has("dueOn")) s.append(" due ").append(f.path("dueOn").asText());
            if (f.has("startsOn")) s.append(" from ").append(f.path("startsOn").asText());
            if (f.has("status")) s.append(' ').append(f.path("status").asText());
            s.append('\n');
        }
        return s.toString();
    }
}
