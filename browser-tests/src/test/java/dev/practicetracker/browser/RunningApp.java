package dev.practicetracker.browser;

import dev.practicetracker.database.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one-process app (command side, query side and the pages on one port) as users run it: its own JVM, started from
 * the jar this build packaged, on a free port and a fresh database; started once for all the browser tests and
 * stopped when the test JVM ends. Its log is {@code target/app.log}. {@link #demo()} is a second one, started as
 * {@code ./run --demo} starts it: with the demo switch, on a fresh database of its own; its log is {@code
 * target/app-demo.log}.
 */
final class RunningApp {

    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Path LOG = Path.of("target", "app.log");
    private static final Path DEMO_LOG = Path.of("target", "app-demo.log");

    private static RunningApp instance;
    private static RunningApp demo;

    final String baseUrl;
    final Api api;

    private RunningApp(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.api = new Api(baseUrl);
    }

    static synchronized RunningApp get() {
        if (instance == null) {
            int port = freePort();
            Process process = start(port, false, LOG);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "browser-tests-app-stop"));
            instance = new RunningApp(port);
            instance.awaitReady(process, LOG);
        }
        return instance;
    }

    /**
     * The app started with {@code --demo} on a fresh database: ready (readiness waits for the seeding) once the demo
     * cohort and its six weeks of history are in.
     */
    static synchronized RunningApp demo() {
        if (demo == null) {
            int port = freePort();
            Process process = start(port, true, DEMO_LOG);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "browser-tests-demo-app-stop"));
            demo = new RunningApp(port);
            demo.awaitReady(process, DEMO_LOG);
        }
        return demo;
    }

    private static Process start(int port, boolean demoSwitch, Path log) {
        Path jar = Path.of(System.getProperty("app.jar", "../app/target/app-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar of the app at " + jar.toAbsolutePath()
                    + ": package it first (./mvnw -B -DskipTests package -pl app -am)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Daxoniq.update-checker.disabled=true",
                "-jar",
                jar.toString()));
        if (demoSwitch) {
            command.add("--demo");
        }
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("DATABASE_URL", TestDatabases.createDatabase());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the app from " + jar, e);
        }
    }

    private void awaitReady(Process process, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited while starting; see " + log.toAbsolutePath());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("the app was not ready within " + STARTUP + "; see " + log.toAbsolutePath());
    }

    /** Stops the app the way an operator does (SIGTERM), so it finishes its requests and closes its connections. */
    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
