package dev.practicetracker.browser;

import dev.practicetracker.app.TrackerApplication;
import dev.practicetracker.database.TestDatabases;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one-process app (command side, query side and the pages on one port), started once for all the browser tests on
 * a free port and a fresh database, and stopped when the test JVM ends.
 */
final class RunningApp {

    private static RunningApp instance;

    final String baseUrl;
    final Api api;

    private RunningApp(ConfigurableApplicationContext context) {
        this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        this.api = new Api(baseUrl);
    }

    static synchronized RunningApp get() {
        if (instance == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
            ConfigurableApplicationContext context = TrackerApplication.application()
                    .run(
                            "--server.port=0",
                            "--DATABASE_URL=" + TestDatabases.createDatabase(),
                            "--spring.main.banner-mode=off");
            Runtime.getRuntime().addShutdownHook(new Thread(context::close, "browser-tests-app-stop"));
            instance = new RunningApp(context);
        }
        return instance;
    }
}
