package fr.prevexp.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The real application in a child JVM (the test JVM's class path, {@link PrevexpApplication}'s
 * {@code main}), started in a working directory of its own on a free port of 127.0.0.1, and killed
 * with SIGKILL as a crash would kill it. Its output goes to a log file, shown when it fails to start.
 */
final class ChildApplication implements AutoCloseable {
    private final Path workDir;
    private final List<String> arguments;
    private final Path log;
    private final List<String> jvmOptions;
    private Process process;
    private int port;
    private int fixedPort;

    ChildApplication(Path workDir, List<String> arguments, Path log) {
        // Quick to start on a busy two-core machine; the code under test is the same.
        this(workDir, arguments, log, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m"));
    }

    /** With these JVM options instead (the benchmark runs the JVM as production does). */
    ChildApplication(Path workDir, List<String> arguments, Path log, List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
        this.workDir = workDir;
        this.arguments = arguments;
        this.log = log;
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a new JVM and waits until it answers HTTP; returns how long the start took. */
    Duration start(HttpClient http, Duration timeout) throws IOException, InterruptedException {
        port = fixedPort > 0 ? fixedPort : freePort();
        Instant begin = Instant.now();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dspring.output.ansi.enabled=never",
                "-cp", classPath(), PrevexpApplication.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Files.writeString(log, "\n===== start " + begin + " " + command.subList(command.indexOf("--server.port=" + port), command.size()) + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ProcessHandle child = process.toHandle();
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroyForcibly));   // never outlives the tests
        Instant until = begin.plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + " at start:\n" + logTail());
            }
            if (Instant.now().isAfter(until)) {
                kill();
                throw new IllegalStateException("the application did not answer within " + timeout + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) return Duration.between(begin, Instant.now());
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
    }

    /** Listens on this port instead of a free one. */
    ChildApplication onPort(int port) {
        this.fixedPort = port;
        return this;
    }

    /** The child's process id (for jcmd), or -1 when it is not running. */
    long pid() {
        return process == null ? -1 : process.pid();
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on Linux (exit status 137 =
     * 128 + 9, checked by the caller), so nothing of the application's own shutdown runs.
     */
    int kill() throws InterruptedException {
        if (process == null) return -1;
        process.destroyForcibly();
        int status = process.waitFor();
        process = null;
        return status;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** Surefire may run the tests from a manifest-only jar: its real class path is in surefire.test.class.path. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
