package dev.practicetracker.eventstore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.lang.Nullable;

/**
 * Whether the service can reach its database, asked through the pool every second: the gauge
 * {@code tracker_database_up} (1 or 0) and one log line when an outage starts (with the reason) and one when it ends,
 * where the refused requests themselves log nothing. Readiness does not read this: it asks the pool itself (the
 * {@code db} health indicator, bounded by the pool's short connection timeout).
 */
final class DatabaseMonitor implements SmartLifecycle {

    static final String METER = "tracker.database.up";

    private static final Logger log = LoggerFactory.getLogger(DatabaseMonitor.class);
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final int VALID_WITHIN_SECONDS = 1;

    private final DataSource dataSource;
    private volatile boolean up = true;
    private volatile @Nullable ScheduledExecutorService probes;
    private long downSince;

    DatabaseMonitor(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder(METER, this, monitor -> monitor.up ? 1 : 0)
                .description("1 while the service can get a working database connection, 0 during an outage")
                .register(registry);
    }

    void probe() {
        String failure = null;
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALID_WITHIN_SECONDS)) {
                failure = "the connection did not answer within " + VALID_WITHIN_SECONDS + " s";
            }
        } catch (SQLException | RuntimeException e) {
            failure = reason(e);
        }
        if (failure != null && up) {
            up = false;
            downSince = System.nanoTime();
            log.warn("Database unavailable, refusing requests with 503 until it is back: {}", failure);
        } else if (failure == null && !up) {
            up = true;
            log.info(
                    "Database available again after {} s of outage",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - downSince));
        }
    }

    /** The pool's own message ("request timed out after 1000ms") names no cause; the driver's names the server. */
    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure
                ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + root.getMessage() + ")";
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "database-monitor");
            thread.setDaemon(true);
            return thread;
        });
        probes = started;
        started.scheduleWithFixedDelay(this::probe, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = probes;
        if (running != null) {
            running.shutdownNow();
        }
        probes = null;
    }

    @Override
    public boolean isRunning() {
        return probes != null;
    }
}
