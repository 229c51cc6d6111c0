package fr.prevexp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The throughput benchmark of issue 9 (<i>banc de mesure</i>): never part of the suite (tag {@code bench}); run it with
 * <pre>mvn -B -ntp -o -pl api -am test -Pbench -Dtest=ThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * ({@code -Dbench.quick=true}: H2 only, shorter phases). In one run, per database (H2 file with the shipped settings;
 * PostgreSQL on 127.0.0.1:5432 when it answers, one node then two nodes on one database), it prints:
 * <ol>
 * <li>the physical limit: single-row inserts of event-sized rows from 8 threads with plain JDBC, one transaction each,
 * and a sequential scan of them, on the same database engine with the same durability settings;</li>
 * <li>the real application started in a child JVM (start-up time), driven over HTTP by 1, 8 and 32 concurrent partners,
 * each taking dossiers through 7 acts (opening, payment order, summons, social diagnosis requested, hearing, judgment,
 * order to leave, all of 2024, so the procedure's timers fire too): accepted writes/s, p50/p95/p99 latency;</li>
 * <li>end to end per level: the events the level added to the log (acts, flags, the procedure's own events) over the
 * time from its first write until the procedure (no due Camunda job) and every processor reached the log's head;</li>
 * <li>the replay of every read model (events of the log / seconds until every projection is back at the head), and the
 * heap after a full GC; on H2, the README's demo year ({@code POST /api/v1/admin/demo-data?year=2025}) and its time
 * ({@code -Dbench.skipDemo=true} skips it);</li>
 * <li>on two nodes: the same, partners spread over both, with the segments each node claimed and the Camunda jobs each
 * node ran, and whether any job ran twice.</li>
 * </ol>
 * Then the targets of the issue as ratios of the same run, PASS or FAIL. Nothing is asserted: it only prints.
 */
@Tag("bench")
class ThroughputBenchmark {
    private static final boolean QUICK = Boolean.getBoolean("bench.quick");
    private static final Duration WRITE_PHASE = Duration.ofSeconds(Long.getLong("bench.seconds", QUICK ? 8 : 20));
    private static final Duration RAW_PHASE = Duration.ofSeconds(QUICK ? 3 : 5);
    private static final List<Integer> LEVELS = QUICK ? List.of(1, 8) : List.of(1, 8, 32);
    private static final String DATABASES = System.getProperty("bench.db", QUICK ? "h2" : "h2,postgres");
    private static final int BASE_PORT = Integer.getInteger("bench.port", 18103);
    private static final String JFR = System.getProperty("bench.jfr", "");
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final int RAW_THREADS = 8;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newCachedThreadPool()).build();
    private final StringBuilder report = new StringBuilder();
    private final Path dir = Path.of("target", "bench").toAbsolutePath();

    record Account(String login, String password) {
        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    static final Account CCAPEX = new Account("ccapex", "ccapex");
    static final Account COMMISSAIRE = new Account("commissaire", "commissaire");
    static final Account PREFECTURE = new Account("prefecture", "prefecture");

    /** The figures of one level of concurrency. */
    record Level(int partners, long accepted, long refused, double writesPerSecond, long p50, long p95, long p99, long events,
                 double endToEndPerSecond, double catchUpSeconds) {
    }

    /** The figures of one configuration (database, nodes). */
    record Result(String name, double startSeconds, List<Level> levels, long logEvents, double replayPerSecond, double replaySeconds,
                  long heapMb, String spread) {
        Level at(int partners) {
            return levels.stream().filter(l -> l.partners() == partners).findFirst().orElse(null);
        }
    }

    record Raw(double insertsPerSecond, double scanPerSecond, long rows) {
    }

    @Test
    void benchmark() throws Exception {
        Files.createDirectories(dir);
        line("Throughput benchmark (issue 9), %s, %d cores, %d MB max heap of the bench JVM, %s%s", ZonedDateTime.now().withNano(0),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                QUICK ? ", quick" : "");
        line("Write phase %d s per level, levels %s partners; each partner: dossiers of 7 acts (open + 6 acts)", WRITE_PHASE.toSeconds(), LEVELS);
        if (DATABASES.contains("h2")) h2();
        if (DATABASES.contains("postgres")) {
            if (postgresAnswers()) postgres();
            else line("PostgreSQL: not reachable on 127.0.0.1:5432, skipped");
        }
        System.out.println("\n==================== BENCHMARK ====================\n" + report + "===================================================");
        Files.writeString(dir.resolve("report.txt"), report.toString());
    }

    // ---------------------------------------------------------------------------------------------------------------
    private void h2() throws Exception {
        Path raw = Files.createTempDirectory(dir, "h2raw");
        Raw limit = raw("jdbc:h2:file:" + raw.resolve("raw") + ";WRITE_DELAY=0", "sa", "", false);
        line("\n--- H2 (embedded default: file database, WRITE_DELAY=0) ---");
        printRaw(limit);
        Path work = Files.createTempDirectory(dir, "h2app");
        Result r = runNodes("H2, one node", List.of(List.of()), List.of(work), null);
        targets(r, limit, null);
    }

    private void postgres() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String rawDb = "speed_raw_" + suffix, oneDb = "speed_one_" + suffix, twoDb = "speed_two_" + suffix;
        try {
            sql("create database " + rawDb);
            Raw limit = raw(POSTGRES + rawDb, "postgres", "", true);
            line("\n--- PostgreSQL (127.0.0.1:5432, synchronous_commit %s) ---", setting(rawDb, "synchronous_commit"));
            printRaw(limit);
            sql("create database " + oneDb);
            Result one = runNodes("PostgreSQL, one node", List.of(pgArguments(oneDb, "node-a")),
                    List.of(Files.createTempDirectory(dir, "pg1a")), oneDb);
            targets(one, limit, null);
            sql("create database " + twoDb);
            Result two = runNodes("PostgreSQL, two nodes", List.of(pgArguments(twoDb, "node-a"), pgArguments(twoDb, "node-b")),
                    List.of(Files.createTempDirectory(dir, "pg2a"), Files.createTempDirectory(dir, "pg2b")), twoDb);
            targets(two, limit, one);
        } finally {
            if (!Boolean.getBoolean("bench.keep")) {
                for (String db : List.of(rawDb, oneDb, twoDb)) sql("drop database if exists " + db + " with (force)");
            }
        }
    }

    private static List<String> pgArguments(String database, String node) {
        return List.of("--spring.profiles.active=postgres", "--PREVEXP_DB_URL=" + POSTGRES + database,
                // The benchmark's partners are the demo accounts; the engine administrator as on the embedded default.
                "--prevexp.security.demo-accounts=true", "--PREVEXP_CAMUNDA_ADMIN=ccapex", "--PREVEXP_CAMUNDA_ADMIN_PASSWORD=ccapex",
                // Each node's name in Camunda's job log, to see which node ran which job.
                "--camunda.bpm.generic-properties.properties.hostname=" + node);
    }

    // ---------------------------------------------------------------------------------------------------------------
    /** 8 threads insert event-sized rows, one per transaction, as fast as the database takes them; then one scans them. */
    private Raw raw(String url, String user, String password, boolean postgres) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("create table raw_event (global_index bigint primary key, event_identifier varchar(255) not null, "
                    + "aggregate_identifier varchar(255) not null, sequence_number bigint not null, type varchar(255), "
                    + "time_stamp varchar(255) not null, payload_type varchar(255) not null, payload " + (postgres ? "bytea" : "blob")
                    + ", meta_data " + (postgres ? "bytea" : "blob") + ", unique (aggregate_identifier, sequence_number))");
        }
        AtomicLong ids = new AtomicLong();
        AtomicLong inserted = new AtomicLong();
        byte[] payload = new byte[520];
        byte[] meta = new byte[180];
        new Random(9).nextBytes(payload);
        new Random(10).nextBytes(meta);
        ExecutorService pool = Executors.newFixedThreadPool(RAW_THREADS);
        Instant until = Instant.now().plus(RAW_PHASE);
        Instant begin = Instant.now();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < RAW_THREADS; t++) {
            done.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                     PreparedStatement insert = c.prepareStatement("insert into raw_event values (?,?,?,?,?,?,?,?,?)")) {
                    c.setAutoCommit(true);   // one row, one transaction, committed durably
                    while (Instant.now().isBefore(until)) {
                        long id = ids.getAndIncrement();
                        insert.setLong(1, id);
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setString(3, UUID.nameUUIDFromBytes(Long.toString(id / 7).getBytes()).toString());
                        insert.setLong(4, id % 7);
                        insert.setString(5, "EvictionCase");
                        insert.setString(6, Instant.now().toString());
                        insert.setString(7, "fr.prevexp.engine.events.PaymentOrderServed");
                        insert.setBytes(8, payload);
                        insert.setBytes(9, meta);
                        insert.executeUpdate();
                        inserted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        double insertSeconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;
        pool.shutdown();
        // Sequential scan in order, as a tracking processor reads the log, repeated for at least the raw phase.
        long scanned = 0;
        Instant scanBegin = Instant.now();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            do {
                try (PreparedStatement select = c.prepareStatement("select * from raw_event order by global_index")) {
                    select.setFetchSize(1000);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            rs.getLong(1);
                            rs.getString(2);
                            rs.getString(3);
                            rs.getLong(4);
                            rs.getString(6);
                            rs.getString(7);
                            rs.getBytes(8);
                            rs.getBytes(9);
                            scanned++;
                        }
                    }
                }
                c.commit();
            } while (Duration.between(scanBegin, Instant.now()).compareTo(RAW_PHASE) < 0);
        }
        double scanSeconds = Duration.between(scanBegin, Instant.now()).toMillis() / 1000.0;
        return new Raw(inserted.get() / insertSeconds, scanned / scanSeconds, inserted.get());
    }

    private void printRaw(Raw raw) {
        line("raw JDBC, %d threads, event-sized rows (~700 bytes): %,.0f single-row transactions/s; sequential scan %,.0f rows/s (%,d rows)",
                RAW_THREADS, raw.insertsPerSecond(), raw.scanPerSecond(), raw.rows());
    }

    // ---------------------------------------------------------------------------------------------------------------
    /** Starts one child JVM per argument list (all on the same database), drives them, replays, and reports. */
    private Result runNodes(String name, List<List<String>> arguments, List<Path> workDirs, String postgresDb) throws Exception {
        List<ChildApplication> nodes = new ArrayList<>();
        try {
            List<Future<Duration>> starts = new ArrayList<>();
            ExecutorService starter = Executors.newFixedThreadPool(arguments.size());
            for (int i = 0; i < arguments.size(); i++) {
                List<String> jvm = new ArrayList<>(List.of("-Xms512m", "-Xmx1g"));
                if (!JFR.isBlank()) {
                    jvm.add("-XX:StartFlightRecording=name=bench,settings=profile");
                }
                ChildApplication node = new ChildApplication(workDirs.get(i), arguments.get(i),
                        dir.resolve(name.replaceAll("\\W+", "_") + "-" + i + ".log"), jvm).onPort(BASE_PORT + i);
                nodes.add(node);
                // One after the other: two nodes creating the schema of a fresh database at once would collide.
                starts.add(starter.submit(() -> node.start(http, Duration.ofMinutes(4))));
                starts.get(i).get();
            }
            double startSeconds = 0;
            for (Future<Duration> s : starts) startSeconds = Math.max(startSeconds, s.get().toMillis() / 1000.0);
            starter.shutdown();
            line("\n%s: started in %.1f s (%s)", name, startSeconds, nodes.size() == 1 ? "one JVM" : nodes.size() + " JVMs one after the other, the slower");

            List<Level> levels = new ArrayList<>();
            for (int partners : LEVELS) {
                Level level = level(nodes, partners);
                levels.add(level);
                line("  %2d partner(s): %,7.1f writes/s accepted (%d, %d refused), latency p50 %d ms, p95 %d ms, p99 %d ms; "
                                + "end to end %,.1f events/s (%d events, caught up %.1f s after the last write)",
                        partners, level.writesPerSecond(), level.accepted(), level.refused(), level.p50(), level.p95(), level.p99(),
                        level.endToEndPerSecond(), level.events(), level.catchUpSeconds());
            }
            String spread = postgresDb == null ? "" : spread(nodes, postgresDb);
            if (!spread.isEmpty()) line("%s", spread);

            // Replay (with the other nodes stopped, as the README asks).
            for (int i = 1; i < nodes.size(); i++) {
                jfrDump(nodes.get(i));
                nodes.get(i).kill();
            }
            ChildApplication first = nodes.get(0);
            long logEvents = head(first) + 1;
            Instant replayBegin = Instant.now();
            send(first, CCAPEX, "POST", "/api/v1/admin/projections/replay", null);
            Thread.sleep(200);
            while (true) {
                JsonNode statuses = get(first, CCAPEX, "/api/v1/admin/projections");
                boolean all = statuses.size() > 0;
                for (JsonNode s : statuses) all &= s.path("caughtUp").asBoolean();
                if (all) break;
                if (Duration.between(replayBegin, Instant.now()).toMinutes() > 15) throw new IllegalStateException("replay did not finish");
                Thread.sleep(100);
            }
            double replaySeconds = Duration.between(replayBegin, Instant.now()).toMillis() / 1000.0;
            long heap = heapAfterGc(first);
            line("  replay of every read model: %,d events in %.1f s = %,.0f events/s; heap after the run (after a full GC) %d MB",
                    logEvents, replaySeconds, logEvents / replaySeconds, heap);
            if (postgresDb == null && !Boolean.getBoolean("bench.skipDemo")) {
                // The README's demo year, as a new user loads it (answered when every command is recorded).
                Instant demoBegin = Instant.now();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(first.base() + "/api/v1/admin/demo-data?year=2025"))
                        .timeout(Duration.ofMinutes(20)).header("Authorization", CCAPEX.basic())
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode demo = json.readTree(answer.body());
                double demoSeconds = Duration.between(demoBegin, Instant.now()).toMillis() / 1000.0;
                line("  demo year 2025 (scale 1/20): %d dossiers, %d acts recorded in %.1f s (target < 30 s: %s); progress: %s",
                        demo.path("dossiers").asInt(), demo.path("acts").asInt(), demoSeconds, demoSeconds < 30 ? "PASS" : "FAIL",
                        get(first, CCAPEX, "/api/v1/admin/demo-data"));
            }
            return new Result(name, startSeconds, levels, logEvents, logEvents / replaySeconds, replaySeconds, heap, spread);
        } catch (Throwable failure) {
            for (ChildApplication node : nodes) System.out.println("Child log (tail):\n" + node.logTail());
            throw failure;
        } finally {
            for (ChildApplication node : nodes) {
                jfrDump(node);
                node.close();
            }
        }
    }

    /** One level: that many partners write for the write phase, then everything catches up. */
    private Level level(List<ChildApplication> nodes, int partners) throws Exception {
        long headBefore = head(nodes.get(0));
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(partners);
        Instant begin = Instant.now();
        Instant until = begin.plus(WRITE_PHASE);
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < partners; p++) {
            ChildApplication node = nodes.get(p % nodes.size());
            done.add(pool.submit(() -> {
                while (Instant.now().isBefore(until)) dossier(node, latencies, refused, refusals);
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        Instant lastWrite = Instant.now();
        pool.shutdown();
        double writeSeconds = Duration.between(begin, lastWrite).toMillis() / 1000.0;
        awaitCaughtUp(nodes);
        Instant caughtUp = Instant.now();
        long events = head(nodes.get(0)) - headBefore;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (!refusals.isEmpty()) line("    refused (first): %s", refusals.peek());
        return new Level(partners, sorted.size(), refused.get(), sorted.size() / writeSeconds, pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), events, events / (Duration.between(begin, caughtUp).toMillis() / 1000.0),
                Duration.between(lastWrite, caughtUp).toMillis() / 1000.0);
    }

    private static long pct(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) return -1;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    /** One partner's dossier: opened, then 6 acts of 2024 in the order of the procedure. */
    private void dossier(ChildApplication node, ConcurrentLinkedQueue<Long> latencies, AtomicInteger refused,
                         ConcurrentLinkedQueue<String> refusals) throws Exception {
        String key = UUID.randomUUID().toString();
        String caseId = timed(node, CCAPEX, "/api/v1/cases", key + "-open", ApiClient.openingNaming("2024-01-10", "demo-commissaire"),
                latencies, refused, refusals);
        if (caseId == null) return;
        String acts = "/api/v1/cases/" + caseId + "/acts";
        String[][] script = {
                {"commissaire", "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\", \"debtClaimed\": \"2100.00\"}"},
                {"commissaire", "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-04-02\", \"hearingOn\": \"2024-06-20\"}"},
                {"prefecture", "{\"type\": \"SocialDiagnosisRequested\", \"occurredOn\": \"2024-04-09\", \"requestedFrom\": \"service social\"}"},
                {"commissaire", "{\"type\": \"HearingHeld\", \"occurredOn\": \"2024-06-20\", \"tenantPresent\": true}"},
                {"commissaire", "{\"type\": \"JudgmentDelivered\", \"occurredOn\": \"2024-07-11\", \"outcome\": \"TERMINATION\"}"},
                {"commissaire", "{\"type\": \"NoticeToQuitServed\", \"occurredOn\": \"2024-09-16\"}"}};
        for (int i = 0; i < script.length; i++) {
            Account who = script[i][0].equals("prefecture") ? PREFECTURE : COMMISSAIRE;
            if (timed(node, who, acts, key + "-" + i, script[i][1], latencies, refused, refusals) == null) return;
        }
    }

    /** Sends one write; its latency counts when accepted (201). Answers the dossier's id, or null when refused. */
    private String timed(ChildApplication node, Account who, String path, String key, String body, ConcurrentLinkedQueue<Long> latencies,
                         AtomicInteger refused, ConcurrentLinkedQueue<String> refusals) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.base() + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", who.basic()).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (response.statusCode() != 201) {
            refused.incrementAndGet();
            if (refusals.size() < 3) refusals.add(response.statusCode() + " " + response.body());
            return null;
        }
        latencies.add(millis);
        return json.readTree(response.body()).path("caseId").asText();
    }

    /**
     * Caught up: on every node, no due Camunda job, and every processor (read models and the procedure's bridge) has
     * all its segments claimed by some node, each at the log's head; twice in a row with the same head.
     */
    private void awaitCaughtUp(List<ChildApplication> nodes) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(20));
        long lastHead = -2;
        while (Instant.now().isBefore(giveUp)) {
            long head = head(nodes.get(0));
            boolean caughtUp = get(nodes.get(0), CCAPEX, "/engine-rest/job/count?executable=true").path("count").asLong() == 0;
            Map<String, Integer> segments = new TreeMap<>();
            for (ChildApplication node : nodes) {
                if (!caughtUp) break;
                for (JsonNode p : get(node, CCAPEX, "/api/v1/admin/projections/processors")) {
                    var claimed = p.path("claimedSegments").fields();
                    while (claimed.hasNext()) {
                        var segment = claimed.next();
                        segments.merge(p.path("processor").asText(), 1, Integer::sum);
                        if (segment.getValue().isNull() || segment.getValue().asLong() < head) caughtUp = false;
                    }
                }
            }
            caughtUp &= segments.size() >= 4;
            if (caughtUp && head == lastHead) return;
            lastHead = caughtUp ? head : -2;
            Thread.sleep(250);
        }
        throw new IllegalStateException("not caught up within 20 minutes");
    }

    /** Which node claimed which segments, how many Camunda jobs each node ran, and whether any job ran twice. */
    private String spread(List<ChildApplication> nodes, String database) throws Exception {
        StringBuilder s = new StringBuilder("  work spread:");
        for (int i = 0; i < nodes.size(); i++) {
            Map<String, List<String>> claimed = new TreeMap<>();
            for (JsonNode p : get(nodes.get(i), CCAPEX, "/api/v1/admin/projections/processors")) {
                List<String> ids = new ArrayList<>();
                p.path("claimedSegments").fieldNames().forEachRemaining(ids::add);
                claimed.put(p.path("processor").asText(), ids);
            }
            s.append(" node ").append(i).append(" segments ").append(claimed).append(';');
        }
        try (Connection c = DriverManager.getConnection(POSTGRES + database, "postgres", ""); Statement st = c.createStatement()) {
            Map<String, Long> jobs = new LinkedHashMap<>();
            try (ResultSet r = st.executeQuery("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_ order by 1")) {
                while (r.next()) jobs.put(r.getString(1), r.getLong(2));
            }
            long twice;
            try (ResultSet r = st.executeQuery("select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2 "
                    + "group by job_id_ having count(*) > 1) t")) {
                r.next();
                twice = r.getLong(1);
            }
            long events = count(st, "select count(*) from domain_event_entry");
            long facts = count(st, "select count(*) from rm_indicator_fact");
            long dossiers = count(st, "select count(*) from rm_case_summary");
            long openings = count(st, "select count(*) from domain_event_entry where sequence_number = 0");
            s.append("\n  Camunda jobs run per node ").append(jobs).append(", jobs run more than once: ").append(twice)
                    .append("; indicator facts ").append(facts).append(" for ").append(events).append(" events, case list ")
                    .append(dossiers).append(" rows for ").append(openings).append(" dossiers");
        }
        return s.toString();
    }

    private static long count(Statement st, String query) throws Exception {
        try (ResultSet r = st.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    private void targets(Result r, Raw raw, Result oneNode) {
        Level eight = r.at(8);
        if (eight == null) eight = r.levels().get(r.levels().size() - 1);
        Level best = r.levels().stream().max(java.util.Comparator.comparingDouble(Level::endToEndPerSecond)).orElseThrow();
        line("  targets (%s):", r.name());
        check(String.format("accepted writes at %d partners %,.1f/s >= 25 %% of raw inserts (%,.0f/s): %.1f %%", eight.partners(),
                eight.writesPerSecond(), raw.insertsPerSecond(), 100 * eight.writesPerSecond() / raw.insertsPerSecond()),
                eight.writesPerSecond() >= 0.25 * raw.insertsPerSecond());
        check(String.format("p95 at %d partners %d ms <= 50 ms", eight.partners(), eight.p95()), eight.p95() <= 50);
        check(String.format("end to end (best level, %d partners) %,.1f events/s >= 10 %% of raw inserts: %.1f %%", best.partners(),
                best.endToEndPerSecond(), 100 * best.endToEndPerSecond() / raw.insertsPerSecond()),
                best.endToEndPerSecond() >= 0.10 * raw.insertsPerSecond());
        check(String.format("replay %,.0f events/s >= 30 %% of raw scan (%,.0f rows/s): %.1f %%", r.replayPerSecond(), raw.scanPerSecond(),
                100 * r.replayPerSecond() / raw.scanPerSecond()), r.replayPerSecond() >= 0.30 * raw.scanPerSecond());
        if (oneNode != null) {
            Level bestOne = oneNode.levels().stream().max(java.util.Comparator.comparingDouble(Level::endToEndPerSecond)).orElseThrow();
            double ratio = best.endToEndPerSecond() / bestOne.endToEndPerSecond();
            check(String.format("two nodes end to end %,.1f events/s >= 1.6 x one node's %,.1f: %.2f x", best.endToEndPerSecond(),
                    bestOne.endToEndPerSecond(), ratio), ratio >= 1.6);
        }
    }

    private void check(String what, boolean pass) {
        line("    %s %s", pass ? "PASS" : "FAIL", what);
    }

    // ---------------------------------------------------------------------------------------------------------------
    private long head(ChildApplication node) throws Exception {
        for (JsonNode p : get(node, CCAPEX, "/api/v1/admin/projections/processors")) {
            JsonNode head = p.path("head");
            return head.isNull() || head.isMissingNode() ? -1 : head.asLong();
        }
        return -1;
    }

    /** With -Dbench.jfr=name, the child's flight recording is written (the child is killed, not stopped). */
    private static void jfrDump(ChildApplication node) throws Exception {
        if (JFR.isBlank() || node.pid() <= 0) return;
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path file = Path.of("target", "bench", JFR + "-" + node.pid() + ".jfr").toAbsolutePath();
        new ProcessBuilder(jcmd.toString(), Long.toString(node.pid()), "JFR.dump", "name=bench", "filename=" + file).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).start().waitFor(120, TimeUnit.SECONDS);
    }

    private long heapAfterGc(ChildApplication node) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (Files.isExecutable(jcmd) && node.pid() > 0) {
            new ProcessBuilder(jcmd.toString(), Long.toString(node.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        }
        JsonNode metric = get(node, CCAPEX, "/actuator/metrics/jvm.memory.used?tag=area:heap");
        return (long) (metric.path("measurements").path(0).path("value").asDouble() / (1 << 20));
    }

    private JsonNode get(ChildApplication node, Account who, String path) throws Exception {
        return send(node, who, "GET", path, null);
    }

    private JsonNode send(ChildApplication node, Account who, String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.base() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", who.basic()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
    }

    private static boolean postgresAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(POSTGRES + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static String setting(String database, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(POSTGRES + database, "postgres", ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("show " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }
}
