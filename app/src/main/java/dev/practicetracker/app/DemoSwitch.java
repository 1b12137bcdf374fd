package dev.practicetracker.app;

import dev.practicetracker.security.LocalDefaults;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * The demo switch ({@code --demo} or {@code TRACKER_DEMO=true}). Its accounts' password is in the README, so under the
 * {@code production} profile the app refuses to start as soon as its settings are known: before the embedded database,
 * the web server or any thread that could keep the process alive has started, so it exits at once and non-zero. The
 * embedded database of the demo lives in {@code demo} under the data directory, apart from real data: that one the demo
 * may wipe when it is stale ({@code DemoFreshness}).
 */
class DemoSwitch implements EnvironmentPostProcessor, Ordered {

    static boolean on(Environment environment) {
        if (environment.getProperty("tracker.demo.enabled", Boolean.class, false)) {
            return true;
        }
        // --demo on the command line arrives as a property "demo" with an empty value.
        String flag = environment.getProperty("demo");
        return flag != null && !flag.equalsIgnoreCase("false");
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!on(environment)) {
            return;
        }
        if (LocalDefaults.production(environment)) {
            throw new IllegalStateException("the demo switch seeds accounts with a published password: not with the '"
                    + LocalDefaults.PRODUCTION_PROFILE + "' profile");
        }
        Map<String, Object> demo = new HashMap<>();
        demo.put("tracker.demo.enabled", true);
        String url = environment.getProperty("DATABASE_URL");
        if (!environment.containsProperty("spring.datasource.url") && (url == null || url.isBlank())) {
            // The embedded database: the demo keeps it in a directory of its own, apart from real data, so a stale
            // demo may be wiped and seeded again.
            demo.put(
                    "TRACKER_DATA_DIR",
                    Path.of(environment.getProperty("TRACKER_DATA_DIR", "data"), "demo")
                            .toString());
            if (!environment.containsProperty("TRACKER_DEMO_RESEED")) {
                demo.put("tracker.demo.reseed-when-stale", true);
            }
        }
        environment.getPropertySources().addFirst(new MapPropertySource("trackerDemo", demo));
    }

    /** After the settings files and profiles are read, before the embedded database starts (the lowest precedence). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
