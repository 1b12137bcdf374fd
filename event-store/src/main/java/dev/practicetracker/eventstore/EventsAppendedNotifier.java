package dev.practicetracker.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.lang.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells readers in every process that events were appended: after the appending transaction has committed, one
 * background thread sends {@code NOTIFY} on {@link NotifiedEventSource#CHANNEL} from a transaction of its own, at most
 * once per interval however many commits asked for it in between.
 *
 * <p>A {@code NOTIFY} inside the appending transaction (the statement trigger of the first migration) makes every
 * commit take PostgreSQL's global notification lock: commits of events were serialised, at 16 connections the raw
 * insert rate fell to about a third. Sent from here, only this thread's commits take it, a few hundred a second at
 * most; the commits of events never do. The first commit after a quiet spell is announced at once, later ones within
 * the interval; should a notification be lost (no connection), readers still find the events by their periodic poll.
 */
public class EventsAppendedNotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventsAppendedNotifier.class);

    private final DataSource dataSource;
    private final Duration interval;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private volatile boolean running;
    private volatile boolean failing;
    private @Nullable Thread sender;

    public EventsAppendedNotifier(DataSource dataSource, Duration interval) {
        this.dataSource = dataSource;
        this.interval = interval;
    }

    /**
     * Subscribed to the event bus, which calls it with each batch it has just appended: the notification is due when
     * the transaction that appended them commits (Spring's, else the unit of work's), or at once when none is open.
     */
    public void appended(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> signal());
        } else {
            signal();
        }
    }

    /** Asks for a notification; the sender folds every request made before it sends into that one notification. */
    public void signal() {
        if (pending.compareAndSet(false, true)) {
            lock.lock();
            try {
                signalled.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    /** How many notifications this node has sent. */
    public long notificationsSent() {
        return sent.get();
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::send, "events-appended-notifier");
        thread.setDaemon(true);
        sender = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = sender;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void send() {
        while (running) {
            try {
                awaitSignal();
                if (!pending.getAndSet(false)) {
                    continue;
                }
                notifyReaders();
                if (!interval.isZero()) {
                    TimeUnit.NANOSECONDS.sleep(interval.toNanos());
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void awaitSignal() throws InterruptedException {
        lock.lock();
        try {
            while (running && !pending.get()) {
                signalled.await(1, TimeUnit.SECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    private void notifyReaders() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("NOTIFY " + NotifiedEventSource.CHANNEL);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            sent.incrementAndGet();
            if (failing) {
                failing = false;
                log.info("Event notifications are sent again");
            }
        } catch (SQLException e) {
            if (!failing) {
                failing = true;
                log.warn(
                        "Could not notify readers of appended events ({}); they find them by polling until this recovers",
                        e.getMessage());
            }
        }
    }
}
