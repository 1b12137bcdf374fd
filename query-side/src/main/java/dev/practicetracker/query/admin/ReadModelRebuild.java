package dev.practicetracker.query.admin;

import dev.practicetracker.query.processing.ReadModels;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every read model from the event store: the processor stops, its token is reset to the start (the reset
 * handler empties the tables), and it replays. Progress is the lowest position its segments have reached against the
 * head of the store when the rebuild began. Stopping the service mid-way is safe: the replay token is stored, and the
 * replay resumes where it was after a restart.
 */
@Component
public class ReadModelRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rebuild-progress");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Run current;
    private ScheduledFuture<?> reporting;
    private long checks;

    ReadModelRebuild(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** What a rebuild has done so far, in events of the store, and how fast. */
    public record Progress(
            String state,
            long eventsDone,
            long eventsTotal,
            double percentDone,
            double eventsPerSecond,
            Instant startedAt,
            Instant finishedAt) {}

    private record Run(Instant startedAt, long head, Instant finishedAt) {}

    /** Starts a rebuild unless one is running; returns its progress. */
    public synchronized Progress start() {
        if (current != null && current.finishedAt() == null) {
            return progress();
        }
        PooledStreamingEventProcessor processor = processor();
        long head = headPosition();
        log.info("Rebuilding read models from the event store: {} events", head);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            log.warn("Rebuild refused: {}", e.getMessage());
            throw new RebuildRefused(
                    "the processor's segments could not all be claimed; stop the other query-side nodes' processing"
                            + " and try again");
        } finally {
            processor.start();
        }
        checks = 0;
        current = new Run(Instant.now(), head, null);
        reporting = reporter.scheduleAtFixedRate(this::report, 250, 250, TimeUnit.MILLISECONDS);
        return progress();
    }

    public synchronized Progress progress() {
        Run run = current;
        Map<Integer, EventTrackerStatus> status = processor().processingStatus();
        if (run == null) {
            // A rebuild begun before a restart goes on replaying: report it, though its start is not known here.
            boolean replaying = status.values().stream().anyMatch(EventTrackerStatus::isReplaying);
            long done = lowestPosition(status);
            return replaying
                    ? new Progress("running", done, headPosition(), 0, 0, null, null)
                    : new Progress("idle", 0, 0, 0, 0, null, null);
        }
        long done = Math.min(run.head(), lowestPosition(status));
        if (run.finishedAt() == null && !status.isEmpty() && done >= run.head()) {
            run = new Run(run.startedAt(), run.head(), Instant.now());
            current = run;
            if (reporting != null) {
                reporting.cancel(false);
            }
            log.info(
                    "Read models rebuilt: {} events in {} s",
                    run.head(),
                    Duration.between(run.startedAt(), run.finishedAt()).toSeconds());
        }
        Instant end = run.finishedAt() != null ? run.finishedAt() : Instant.now();
        double seconds = Math.max(0.001, Duration.between(run.startedAt(), end).toMillis() / 1000.0);
        double percent = run.head() == 0 ? 100.0 : 100.0 * done / run.head();
        return new Progress(
                run.finishedAt() != null ? "done" : "running",
                done,
                run.head(),
                Math.round(percent * 10) / 10.0,
                Math.round(done / seconds * 10) / 10.0,
                run.startedAt(),
                run.finishedAt());
    }

    /** Checks four times a second, so the end is seen promptly, and logs every five seconds. */
    private void report() {
        Progress progress = progress();
        if ("running".equals(progress.state()) && ++checks % 20 == 0) {
            log.info(
                    "Rebuild: {} of {} events ({}%), {} events/s",
                    progress.eventsDone(), progress.eventsTotal(), progress.percentDone(), progress.eventsPerSecond());
        }
    }

    private long headPosition() {
        Long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private static long lowestPosition(Map<Integer, EventTrackerStatus> status) {
        return status.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.isPresent() ? position.getAsLong() : 0L)
                .min()
                .orElse(0L);
    }

    private PooledStreamingEventProcessor processor() {
        return processing
                .eventProcessor(ReadModels.PROCESSOR, PooledStreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + ReadModels.PROCESSOR));
    }

    @Override
    public void destroy() {
        reporter.shutdownNow();
    }

    /** A rebuild cannot start now; answered as 409. */
    static class RebuildRefused extends RuntimeException {
        RebuildRefused(String message) {
            super(message);
        }
    }
}
