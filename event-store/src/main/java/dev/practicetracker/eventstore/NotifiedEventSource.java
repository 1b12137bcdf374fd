package dev.practicetracker.eventstore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.lang.Nullable;

/**
 * The event store as a source for streaming processors that learn of new events the moment they are committed, by
 * any process: the appending process sends a PostgreSQL {@code NOTIFY} after commit ({@link EventsAppendedNotifier}),
 * a listener here wakes every open stream, and the stream tells the processor at once through its availability
 * callback.
 *
 * <p>Axon's own embedded store polls other processes' events once a second, and its streams offer no availability
 * callback, so a pooled processor re-checks an idle stream only every half second: together that is the
 * cross-process delay this replaces. Should the listener lose its connection, streams are woken on reconnect and the
 * processor's own periodic check still finds events, only later.
 */
public class NotifiedEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, SmartLifecycle {

    /** The channel {@link EventsAppendedNotifier} notifies after each commit of events, and the listener listens on. */
    public static final String CHANNEL = "tracker_events_appended";

    private static final Logger log = LoggerFactory.getLogger(NotifiedEventSource.class);
    private static final Duration PROBE_AFTER_QUIET = Duration.ofSeconds(15);

    private final EventStorageEngine storage;
    private final String jdbcUrl;
    private final Properties credentials;
    private final int bufferSize;
    private final Set<NotifiedStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicLong notifications = new AtomicLong();
    private volatile boolean running;
    private volatile boolean listening;
    private @Nullable Thread listener;

    public NotifiedEventSource(
            EventStorageEngine storage, String jdbcUrl, String username, String password, int bufferSize) {
        this.storage = storage;
        this.jdbcUrl = jdbcUrl;
        this.credentials = new Properties();
        if (username != null) {
            credentials.setProperty("user", username);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        this.bufferSize = bufferSize;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        NotifiedStream stream = new NotifiedStream(trackingToken);
        streams.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return storage.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storage.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storage.createTokenAt(dateTime);
    }

    /** Whether the listener holds a connection with {@code LISTEN} active; false means freshness falls back to polls. */
    public boolean isListening() {
        return listening;
    }

    public long notificationsReceived() {
        return notifications.get();
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "event-notification-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the processors and stops after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                backoff = Duration.ofMillis(200);
                log.info("Listening for appended events on channel {}", CHANNEL);
                wakeAll();
                PGConnection pg = connection.unwrap(PGConnection.class);
                long quietSince = System.nanoTime();
                while (running) {
                    PGNotification[] received = pg.getNotifications(1000);
                    if (received != null && received.length > 0) {
                        notifications.addAndGet(received.length);
                        quietSince = System.nanoTime();
                        wakeAll();
                    } else if (System.nanoTime() - quietSince > PROBE_AFTER_QUIET.toNanos()) {
                        probe(connection);
                        quietSince = System.nanoTime();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn(
                            "Lost the event notification connection ({}); processors poll until it is back, retrying in {} ms",
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

    /**
     * Waiting for notifications only reads, and a connection cut without a word (a failover, a NAT timeout) reads
     * nothing forever; a query on it after a quiet spell fails instead, and the listener reconnects.
     */
    private static void probe(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            statement.execute("SELECT 1");
        }
    }

    private void wakeAll() {
        streams.forEach(NotifiedStream::wake);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One processor's cursor over the event store, reading in batches after the last event it has buffered. */
    private final class NotifiedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Deque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition woken = lock.newCondition();
        private TrackingToken fetchedUpTo;
        private boolean wakeSignal;
        private volatile @Nullable Runnable callback;

        private NotifiedStream(TrackingToken startAfter) {
            this.fetchedUpTo = startAfter;
        }

        /**
         * What is already buffered, without a query: the processor peeks after each event to group those sharing a
         * token, and a round trip to the database for each would only find what the next fetch finds anyway.
         */
        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(buffer.peekFirst());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                if (!buffer.isEmpty() || fetch()) {
                    return true;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                awaitWake(remaining);
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (buffer.isEmpty() && !fetch()) {
                awaitWake(TimeUnit.SECONDS.toNanos(1));
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("interrupted while waiting for events");
                }
            }
            return buffer.pollFirst();
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            return true;
        }

        @Override
        public void close() {
            streams.remove(this);
        }

        private boolean fetch() {
            try (Stream<? extends TrackedEventMessage<?>> read = storage.readEvents(fetchedUpTo, false)) {
                read.limit(bufferSize).forEach(event -> {
                    buffer.addLast(event);
                    fetchedUpTo = event.trackingToken();
                });
            }
            return !buffer.isEmpty();
        }

        private void awaitWake(long nanos) {
            lock.lock();
            try {
                if (!wakeSignal) {
                    woken.awaitNanos(nanos);
                }
                wakeSignal = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        }

        private void wake() {
            lock.lock();
            try {
                wakeSignal = true;
                woken.signalAll();
            } finally {
                lock.unlock();
            }
            Runnable current = callback;
            if (current != null) {
                current.run();
            }
        }
    }
}
