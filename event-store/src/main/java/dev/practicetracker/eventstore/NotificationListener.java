package dev.practicetracker.eventstore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.lang.Nullable;

/**
 * Listens on one PostgreSQL {@code NOTIFY} channel on a dedicated connection and hands each payload to a callback, on
 * the listener's own thread: the way every node of a service learns what another node committed. The connection is
 * kept as {@link NotifiedEventSource} keeps its own: reconnected with a growing wait (200 ms up to 10 s) after a
 * database restart or a cut connection, and probed after a quiet spell, since a connection cut without a word would
 * otherwise read nothing forever. Notifications sent while no connection listened are lost, so the callback
 * {@code onListening} runs each time listening (re)starts: a caller re-reads whatever it may have missed.
 */
public class NotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
    private static final Duration PROBE_AFTER_QUIET = Duration.ofSeconds(15);
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String channel;
    private final String jdbcUrl;
    private final Properties connectionProperties;
    private final Consumer<String> onNotification;
    private final Runnable onListening;
    private volatile boolean running;
    private volatile boolean listening;
    private @Nullable Thread listener;

    /**
     * {@code applicationName} names the connection in {@code pg_stat_activity}, so an operator (or a test) can tell it
     * from the pool's.
     */
    public NotificationListener(
            String channel,
            String jdbcUrl,
            @Nullable String username,
            @Nullable String password,
            String applicationName,
            Consumer<String> onNotification,
            Runnable onListening) {
        if (!CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.channel = channel;
        this.jdbcUrl = jdbcUrl;
        this.connectionProperties = new Properties();
        if (username != null) {
            connectionProperties.setProperty("user", username);
        }
        if (password != null) {
            connectionProperties.setProperty("password", password);
        }
        connectionProperties.setProperty("ApplicationName", applicationName);
        this.onNotification = onNotification;
        this.onListening = onListening;
    }

    public String channel() {
        return channel;
    }

    /** Whether a connection with {@code LISTEN} active is held now. */
    public boolean isListening() {
        return listening;
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::listen, "notification-listener-" + channel);
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, connectionProperties)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                listening = true;
                backoff = Duration.ofMillis(200);
                log.info("Listening on channel {}", channel);
                deliver(onListening);
                PGConnection pg = connection.unwrap(PGConnection.class);
                long quietSince = System.nanoTime();
                while (running) {
                    PGNotification[] received = pg.getNotifications(1000);
                    if (received != null && received.length > 0) {
                        quietSince = System.nanoTime();
                        for (PGNotification notification : received) {
                            deliver(() -> onNotification.accept(notification.getParameter()));
                        }
                    } else if (System.nanoTime() - quietSince > PROBE_AFTER_QUIET.toNanos()) {
                        probe(connection);
                        quietSince = System.nanoTime();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn(
                            "Lost the connection listening on {} ({}); retrying in {} ms",
                            channel,
                            e.getMessage(),
                            backoff.toMillis());
                }
            } finally {
                listening = false;
            }
            if (running) {
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                        ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** A failing callback must not end the listening, which every later notification depends on. */
    private void deliver(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("A notification on {} could not be delivered: {}", channel, e.toString());
        }
    }

    private static void probe(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            statement.execute("SELECT 1");
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
