package fr.prevexp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Nothing answered {@code 201} is lost to a crash. The real application runs as a child JVM; 8
 * partner systems write to it concurrently (each opens dossiers and records a payment order and a
 * summons of 2024 on them, every request with its {@code Idempotency-Key}, re-sent with the same
 * key after a connection refused or reset, as a partner does); the child is killed with SIGKILL 3
 * times while writes are in flight and started again on the same database. After the last restart
 * the partners finish the dossiers they were writing, then: the procedure caught up within 60 s of
 * that restart (every payment order's deadline scheduled and elapsed, since its dates are of 2024,
 * and no due job left in the engine); every request ever attempted is sent once more with its key;
 * 0 lost (every event answered {@code 201} is in its dossier's history at the position answered,
 * and the re-send finds it instead of recording it anew), 0 duplicated (one event per key, one
 * opening per dossier).
 * <p>
 * On the embedded default the child runs in an empty working directory with the configuration as
 * shipped (H2 file under {@code ./data}); the PostgreSQL variant uses a fresh database and is
 * skipped when no PostgreSQL answers on 127.0.0.1:5432 within 2 s.
 */
class CrashSafetyTest {
    private static final int WRITERS = 8;
    private static final int KILLS = 3;
    /** Answers {@code 201} a life of the child gives before it is killed (writes are then in flight). */
    private static final int ANSWERS_PER_LIFE = 24;
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    record Account(String login, String password) {
        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** How to start the application, and who writes and reads. */
    record Setup(String name, List<String> arguments, Account opener, Account commissaire, Account reader, Account engineAdmin) {
        String logName() {
            return name.substring(0, name.indexOf(' ')).toLowerCase();
        }
    }

    @Test
    void embeddedDefaultLosesNothingAnswered201() throws Exception {
        // No datasource argument: the child runs the shipped default (jdbc:h2:file:./data/prevexp...) in its own directory.
        run(new Setup("H2 (embedded default)", List.of(), new Account("ccapex", "ccapex"),
                new Account("commissaire", "commissaire"), new Account("ccapex", "ccapex"), new Account("ccapex", "ccapex")));
    }

    @Test
    void postgresLosesNothingAnswered201() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 2000);
        } catch (IOException e) {
            assumeTrue(false, "PostgreSQL is not reachable on 127.0.0.1:5432: " + e.getMessage());
        }
        String database = "prevexp_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        sql("create database " + database);
        try {
            try (Connection c = DriverManager.getConnection(POSTGRES + database + "?connectTimeout=5", "postgres", "");
                 Statement s = c.createStatement(); ResultSet r = s.executeQuery("show synchronous_commit")) {
                r.next();
                // "off" would acknowledge commits before they reach the WAL on disk.
                assertThat(r.getString(1)).as("PostgreSQL's synchronous_commit").isNotEqualTo("off");
            }
            run(new Setup("PostgreSQL (postgres profile)", List.of("--spring.profiles.active=postgres",
                    "--PREVEXP_DB_URL=" + POSTGRES + database, "--PREVEXP_CAMUNDA_ADMIN_PASSWORD=test-admin",
                    "--prevexp.security.accounts[0].login=secretariat", "--prevexp.security.accounts[0].password={noop}s3cret",
                    "--prevexp.security.accounts[0].role=CCAPEX",
                    "--prevexp.security.accounts[1].login=etude-durand", "--prevexp.security.accounts[1].password={noop}huissier",
                    "--prevexp.security.accounts[1].role=COMMISSAIRE", "--prevexp.security.accounts[1].organisation=etude-durand-93"),
                    new Account("secretariat", "s3cret"), new Account("etude-durand", "huissier"),
                    new Account("secretariat", "s3cret"), new Account("admin", "test-admin")));
        } finally {
            sql("drop database if exists " + database + " with (force)");
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(POSTGRES + "postgres?connectTimeout=5", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** One request a partner sends, re-sent with its key until it is answered. */
    static final class Request {
        final String key;
        final Account account;
        final String type;
        final String body;
        volatile String path;
        final AtomicInteger attempts = new AtomicInteger();
        /** The first answer (status, and for 201 the dossier and the event's position). */
        volatile int status;
        volatile String caseId;
        volatile long sequence = -1;

        Request(String key, Account account, String type, String path, String body) {
            this.key = key;
            this.account = account;
            this.type = type;
            this.path = path;
            this.body = body;
        }
    }

    /** One dossier's script: opened, then a payment order, then a summons, all of 2024 (their timers are due). */
    static final class Dossier {
        final List<Request> requests = new ArrayList<>();
        volatile String caseId;
    }

    private final class Run {
        final Setup setup;
        final ChildApplication child;
        final String runId = UUID.randomUUID().toString().substring(0, 8);
        final Object monitor = new Object();
        volatile String base;                       // null while the child is down
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger answered201 = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger connectionFailures = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final List<Dossier> dossiers = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final Instant giveUp = Instant.now().plus(Duration.ofMinutes(8));

        Run(Setup setup) {
            this.setup = setup;
            // The child's output is kept in target/ for whoever investigates a failure.
            this.child = new ChildApplication(dir, setup.arguments(), Path.of("target", "crash-safety-" + setup.logName() + ".log"));
        }

        void up(String base) {
            synchronized (monitor) {
                this.base = base;
                monitor.notifyAll();
            }
        }

        String awaitUp() throws InterruptedException {
            synchronized (monitor) {
                while (base == null) {
                    if (Instant.now().isAfter(giveUp)) throw new IllegalStateException("the application never came back");
                    monitor.wait(1000);
                }
                return base;
            }
        }

        /** Sends until answered (a partner re-sends with the same key after a refused or reset connection, or a 5xx). */
        JsonNode send(Request request) throws InterruptedException {
            while (true) {
                if (Instant.now().isAfter(giveUp)) throw new IllegalStateException("no answer to " + request.key);
                String to = awaitUp();
                HttpResponse<String> response;
                request.attempts.incrementAndGet();
                inFlight.incrementAndGet();
                Instant sent = Instant.now();
                try {
                    response = http.send(HttpRequest.newBuilder(URI.create(to + request.path)).timeout(Duration.ofSeconds(60))
                            .header("Authorization", request.account.basic()).header("Content-Type", "application/json")
                            .header("Idempotency-Key", request.key)
                            .POST(HttpRequest.BodyPublishers.ofString(request.body, StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException down) {
                    connectionFailures.incrementAndGet();
                    Thread.sleep(100);
                    continue;
                } finally {
                    inFlight.decrementAndGet();
                }
                if (response.statusCode() >= 500) {
                    serverErrors.incrementAndGet();
                    Thread.sleep(100);
                    continue;
                }
                JsonNode body = readTree(response.body());
                if (request.status == 0) {
                    request.status = response.statusCode();
                    if (response.statusCode() == 201) {
                        latencies.add(Duration.between(sent, Instant.now()).toMillis());
                        request.caseId = body.path("caseId").asText(null);
                        // An opening answers the case view: its event is the dossier's first.
                        request.sequence = request.type.equals("CaseOpened") ? 0 : body.path("sequence").asLong(-1);
                        answered201.incrementAndGet();
                    } else {
                        unexpected.add(request.key + " -> " + response.statusCode() + " " + response.body());
                    }
                }
                return body;
            }
        }

        void write(int writer) throws InterruptedException {
            for (int n = 0; !stop.get(); n++) {
                Dossier dossier = new Dossier();
                String prefix = "crash-" + runId + "-" + writer + "-" + n;
                Request open = new Request(prefix + "-open", setup.opener(), "CaseOpened", "/api/v1/cases",
                        // The commissaire is named at opening, so that it is party to the dossier (demo account or configured one).
                        ApiClient.openingNaming("2024-01-10", "demo-commissaire", "etude-durand-93"));
                dossier.requests.add(open);
                dossiers.add(dossier);
                send(open);
                if (open.status != 201) continue;
                dossier.caseId = open.caseId;
                String acts = "/api/v1/cases/" + open.caseId + "/acts";
                Request paymentOrder = new Request(prefix + "-cdp", setup.commissaire(), "PaymentOrderServed", acts,
                        "{\"type\": \"PaymentOrderServed\", \"occurredOn\": \"2024-02-01\", \"debtClaimed\": \"2100.00\"}");
                dossier.requests.add(paymentOrder);
                send(paymentOrder);
                Request summons = new Request(prefix + "-ass", setup.commissaire(), "SummonsServed", acts,
                        "{\"type\": \"SummonsServed\", \"occurredOn\": \"2024-04-02\", \"hearingOn\": \"2024-06-20\"}");
                dossier.requests.add(summons);
                send(summons);
            }
        }

        JsonNode get(Account account, String path) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", account.basic()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET " + path + " " + response.body()).isEqualTo(200);
            return readTree(response.body());
        }
    }

    private JsonNode readTree(String body) {
        try {
            return body == null || body.isBlank() ? json.nullNode() : json.readTree(body);
        } catch (IOException e) {
            return json.nullNode();
        }
    }

    private void run(Setup setup) throws Exception {
        Run run = new Run(setup);
        List<Duration> starts = new ArrayList<>();
        List<Integer> inFlightAtKill = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (ChildApplication child = run.child) {
            starts.add(child.start(http, Duration.ofMinutes(3)));
            run.up(child.base());
            List<Future<?>> written = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                written.add(writers.submit(() -> {
                    run.write(writer);
                    return null;
                }));
            }
            for (int kill = 0; kill < KILLS; kill++) {
                int target = run.answered201.get() + ANSWERS_PER_LIFE;
                await("answers of life " + kill).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                        .until(() -> run.answered201.get() >= target);
                inFlightAtKill.add(run.inFlight.get());
                assertThat(child.kill()).as("exit status of SIGKILL (128 + 9)").isEqualTo(137);
                run.up(null);
                starts.add(child.start(http, Duration.ofMinutes(3)));
                run.up(child.base());
            }
            // The last restart: the partners finish the dossiers they were writing when it crashed, then stop.
            Instant lastStart = Instant.now();
            run.stop.set(true);
            for (Future<?> w : written) w.get();

            // The procedure catches up: every payment order of 2024 has its delay scheduled and elapsed, and no job is due.
            Set<String> caughtUp = new HashSet<>();
            RuntimeException notCaughtUp = null;
            try {
                await("the procedure catches up").atMost(CATCH_UP.plusSeconds(30)).pollInterval(Duration.ofSeconds(1))
                        .ignoreExceptions().until(() -> {
                            for (Dossier dossier : run.dossiers) {
                                if (dossier.caseId == null || caughtUp.contains(dossier.caseId)) continue;
                                JsonNode events = run.get(setup.reader(), "/api/v1/cases/" + dossier.caseId + "/history").path("events");
                                if (!hasDeadline(events, "DeadlineScheduled") || !hasDeadline(events, "DeadlineElapsed")) return false;
                                caughtUp.add(dossier.caseId);
                            }
                            return run.get(setup.engineAdmin(), "/engine-rest/job/count?executable=true").path("count").asLong() == 0;
                        });
            } catch (RuntimeException e) {   // reported after the figures
                notCaughtUp = e;
            }
            Duration catchUp = Duration.between(lastStart, Instant.now());
            long incidents = run.get(setup.engineAdmin(), "/engine-rest/incident/count").path("count").asLong();

            // Every request ever attempted, once more with its key (dossiers in parallel, each in its order).
            List<Request> attempted = run.dossiers.stream().flatMap(d -> d.requests.stream()).toList();
            int answered201BeforeResend = run.answered201.get();
            Map<Request, JsonNode> resent = new ConcurrentHashMap<>();
            List<Future<?>> resends = new ArrayList<>();
            for (Dossier dossier : run.dossiers) {
                resends.add(writers.submit(() -> {
                    for (Request request : dossier.requests) resent.put(request, run.send(request));
                    return null;
                }));
            }
            for (Future<?> r : resends) r.get();

            // Lost or duplicated?
            List<String> lost = new ArrayList<>();
            List<String> duplicated = new ArrayList<>();
            for (Dossier dossier : run.dossiers) {
                Request open = dossier.requests.get(0);
                String caseId = resent.get(open).path("caseId").asText();
                if (open.status == 201 && !caseId.equals(open.caseId)) lost.add(open.key + ": re-sent opening answers another dossier");
                JsonNode events = run.get(setup.reader(), "/api/v1/cases/" + caseId + "/history").path("events");
                Map<Long, String> bySequence = new HashMap<>();
                Map<String, Integer> byType = new HashMap<>();
                for (JsonNode e : events) {
                    bySequence.put(e.path("sequence").asLong(), e.path("type").asText());
                    byType.merge(e.path("type").asText(), 1, Integer::sum);
                }
                for (Request request : dossier.requests) {
                    JsonNode again = resent.get(request);
                    if (request.status == 201 && !request.type.equals(bySequence.get(request.sequence))) {
                        lost.add(request.key + ": answered 201 at position " + request.sequence + ", history has " + bySequence.get(request.sequence));
                    }
                    if (!request.type.equals("CaseOpened")) {
                        if (!again.path("replayed").asBoolean()) lost.add(request.key + ": the re-send recorded it anew: " + again);
                        else if (request.status == 201 && again.path("sequence").asLong() != request.sequence) {
                            lost.add(request.key + ": the re-send found another event: " + again);
                        }
                    }
                    if (byType.getOrDefault(request.type, 0) != 1) {
                        duplicated.add(request.key + ": " + byType.getOrDefault(request.type, 0) + " " + request.type + " in " + caseId);
                    }
                }
            }

            List<Long> latencies = run.latencies.stream().sorted().toList();
            System.out.printf("""
                    Crash safety on %s: %d writers, %d kills (SIGKILL; requests in flight at each: %s), starts %s
                      requests %d (dossiers %d), HTTP attempts %d, answered 201 before the final re-send %d (median %d ms, max %d ms),
                      connection refused/reset %d, 5xx %d, other answers %d: lost %d, duplicated %d;
                      the procedure caught up %.1f s after the last restart; Camunda incidents %d
                    """, setup.name(), WRITERS, KILLS, inFlightAtKill, starts.stream().map(d -> d.toMillis() / 1000.0 + " s").toList(),
                    attempted.size(), run.dossiers.size(), attempted.stream().mapToInt(r -> r.attempts.get()).sum(),
                    answered201BeforeResend, latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1),
                    run.connectionFailures.get(), run.serverErrors.get(), run.unexpected.size(), keys(lost), keys(duplicated),
                    catchUp.toMillis() / 1000.0, incidents);
            assertThat(lost).as("answered 201, then lost").isEmpty();
            assertThat(duplicated).as("recorded more than once").isEmpty();
            assertThat(run.unexpected).as("answers other than 201").isEmpty();
            if (notCaughtUp != null) throw notCaughtUp;
            assertThat(catchUp).as("the procedure catches up after the last restart").isLessThanOrEqualTo(CATCH_UP);
            assertThat(incidents).as("Camunda incidents").isZero();
        } catch (Throwable failure) {
            System.out.println("Child log (tail):\n" + run.child.logTail());
            throw failure;
        } finally {
            run.stop.set(true);
            run.up("http://127.0.0.1:1");   // release any writer still waiting
            writers.shutdownNow();
        }
    }

    /** How many requests the findings are about (a lost request may be found twice: at its position and at its re-send). */
    private static long keys(List<String> findings) {
        return findings.stream().map(f -> f.substring(0, f.indexOf(':'))).distinct().count();
    }

    private static boolean hasDeadline(JsonNode events, String type) {
        for (JsonNode e : events) {
            if (e.path("type").asText().equals(type) && e.path("fields").path("kind").asText().equals("PAYMENT_ORDER_DELAY")) return true;
        }
        return false;
    }
}
