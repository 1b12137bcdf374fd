package dev.practicetracker.browser;

import dev.practicetracker.database.TestDatabases;
import dev.practicetracker.testing.ServiceJar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    private RunningApp(String baseUrl) {
        this.baseUrl = baseUrl;
        this.api = new Api(baseUrl);
    }

    static synchronized RunningApp get() {
        if (instance == null) {
            instance = start(false, LOG);
        }
        return instance;
    }

    /**
     * The app started with {@code --demo} on a fresh database: ready (readiness waits for the seeding) once the demo
     * cohort and its six weeks of history are in.
     */
    static synchronized RunningApp demo() {
        if (demo == null) {
            demo = start(true, DEMO_LOG);
        }
        return demo;
    }

    private static RunningApp start(boolean demoSwitch, Path log) {
        Path jar = ServiceJar.of("app");
        ServiceJar app = ServiceJar.start(
                demoSwitch ? "the demo app" : "the app",
                jar,
                log,
                "768m",
                Map.of("DATABASE_URL", TestDatabases.createDatabase()),
                demoSwitch ? List.of("--demo") : List.of());
        // Stopped the way an operator does (SIGTERM), so it finishes its requests and closes its connections.
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "browser-tests-app-stop"));
        return new RunningApp(app.awaitReady(STARTUP).baseUrl());
    }
}
