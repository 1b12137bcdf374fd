package dev.practicetracker.query.admin;

import dev.practicetracker.query.processing.ReadModelTables;
import dev.practicetracker.query.processing.ReadModels;
import dev.practicetracker.query.processing.RebuildProcessor;
import dev.practicetracker.query.processing.TokenPositions;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model from the event store without readers ever seeing a partial one. A second processor replays
 * the store from the first event into fresh tables beside the live ones ({@link ReadModelTables}) while the live
 * processor keeps the live tables current. Once it has caught up, both pause for a moment, and one transaction swaps the
 * fresh tables in and hands the rebuild's tokens and dead letters to the live processor, which goes on from there. Until
 * that commits, readers see the old read model, whole; from then on the new one, whole.
 *
 * <p>A crash or a restart during a rebuild leaves the live tables untouched: the rebuild's row, tables and tokens stay,
 * and the next start resumes the replay where it was. Progress is the lowest position the rebuild's segments have
 * reached against the head of the store when it began.
 */
@Component
public class ReadModelRebuild implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    /** How long both processors may pause for the swap while the rebuild closes the last gap to the live one. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;
    private final RebuildProcessor rebuildProcessor;
    private final ReadModelTables tables;
    private final TokenPositions positions;
    private final TokenStore tokenStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rebuild-progress");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Progress finished;
    private volatile boolean running;
    private ScheduledFuture<?> reporting;
    private long checks;

    ReadModelRebuild(
            EventProcessingConfiguration processing,
            RebuildProcessor rebuildProcessor,
            ReadModelTables tables,
            TokenPositions positions,
            TokenStore tokenStore,
            JdbcTemplate jdbc,
            TransactionTemplate transactions) {
        this.processing = processing;
        this.rebuildProcessor = rebuildProcessor;
        this.tables = tables;
        this.positions = positions;
        this.tokenStore = tokenStore;
        this.jdbc = jdbc;
        this.transactions = transactions;
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

    /** The rebuild under way, as its row says. */
    private record Run(Instant startedAt, long eventsTotal) {}

    /** Starts a rebuild unless one is under way; returns its progress. */
    public synchronized Progress startRebuild() {
        if (run().isEmpty()) {
            long head = headPosition();
            int segments = Math.max(1, tokenStore.fetchSegments(ReadModels.PROCESSOR).length);
            boolean begun = Boolean.TRUE.equals(transactions.execute(status -> begin(head)));
            if (begun) {
                log.info("Rebuilding read models from the event store into fresh tables: {} events", head);
                finished = null;
                replay(segments);
            }
        } else if (!replaying()) {
            replay(Math.max(1, tokenStore.fetchSegments(ReadModels.REBUILD_PROCESSOR).length));
        }
        return progress();
    }

    private boolean begin(long head) {
        int inserted = jdbc.update("""
                INSERT INTO qs_read_model_rebuild (id, build_schema, started_at, events_total) VALUES (1, ?, now(), ?)
                ON CONFLICT (id) DO NOTHING
                """, ReadModelTables.BUILD_SCHEMA, head);
        if (inserted == 0) {
            return false; // begun at the same moment on another node
        }
        jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", ReadModels.REBUILD_PROCESSOR);
        jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?", ReadModels.REBUILD_PROCESSOR);
        tables.createBuildTables();
        return true;
    }

    /** A rebuild a restart interrupted goes on where it was. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void resumeUnfinished() {
        Optional<Run> run = run();
        if (run.isPresent() && !replaying()) {
            if (!tables.buildTablesExist()) {
                log.warn("A rebuild was under way but its tables are gone; it starts again");
                jdbc.update("DELETE FROM qs_read_model_rebuild");
                startRebuild();
                return;
            }
            log.info("Resuming the read-model rebuild begun at {}", run.get().startedAt());
            replay(Math.max(1, tokenStore.fetchSegments(ReadModels.REBUILD_PROCESSOR).length));
        }
    }

    private void replay(int segments) {
        rebuildProcessor.processor(segments).start();
        checks = 0;
        if (reporting == null || reporting.isDone()) {
            reporting = reporter.scheduleWithFixedDelay(this::check, 250, 250, TimeUnit.MILLISECONDS);
        }
    }

    public synchronized Progress progress() {
        Optional<Run> run = run();
        if (run.isEmpty()) {
            Progress last = finished;
            return last != null ? last : new Progress("idle", 0, 0, 0, 0, null, null);
        }
        long total = run.get().eventsTotal();
        long done = Math.min(total, lowest(rebuildPositions()));
        double seconds = Math.max(
                0.001, Duration.between(run.get().startedAt(), Instant.now()).toMillis() / 1000.0);
        return new Progress(
                "running",
                done,
                total,
                percent(done, total),
                Math.round(done / seconds * 10) / 10.0,
                run.get().startedAt(),
                null);
    }

    /** Four times a second, so the end is seen promptly; logs every five seconds. */
    private synchronized void check() {
        try {
            Optional<Run> run = run();
            if (run.isEmpty()) {
                // Swapped in or begun again from another node: this node's replay has nothing left to write into.
                stopReplay();
                reporting.cancel(false);
                return;
            }
            Progress progress = progress();
            if (replaying() && progress.eventsDone() >= progress.eventsTotal() && switchOver(run.get())) {
                reporting.cancel(false);
                return;
            }
            if (++checks % 20 == 0) {
                log.info(
                        "Rebuild: {} of {} events ({}%), {} events/s",
                        progress.eventsDone(),
                        progress.eventsTotal(),
                        progress.percentDone(),
                        progress.eventsPerSecond());
            }
        } catch (DataAccessException e) {
            log.warn("Rebuild progress not read this time: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Rebuild check failed; the rebuild goes on and the swap is tried again", e);
        }
    }

    /**
     * Pauses the live processor, lets the rebuild pass the point the live one reached, pauses the rebuild, and swaps in
     * one transaction. Either processor is paused for the moment of the swap only; the live one goes on from the
     * rebuild's tokens, where the new tables are.
     */
    private boolean switchOver(Run run) {
        PooledStreamingEventProcessor rebuild = rebuildProcessor.processor(1);
        if (!positions.allOwnedHere(ReadModels.REBUILD_PROCESSOR, rebuild)) {
            return false; // not all of the replay's segments are claimed yet: its progress is not all known here
        }
        PooledStreamingEventProcessor live = live();
        String owner = jdbc
                .queryForList(
                        "SELECT owner FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL",
                        String.class,
                        ReadModels.REBUILD_PROCESSOR)
                .stream()
                .findFirst()
                .orElse(null);
        boolean liveWasRunning = live.isRunning();
        Instant pausedAt = Instant.now();
        await(live.shutdownAsync());
        boolean swapped = false;
        try {
            long liveReached = highest(positions.stored(ReadModels.PROCESSOR));
            if (!caughtUpTo(rebuild, liveReached)) {
                return false;
            }
            long rebuildReached = lowest(positions.of(ReadModels.REBUILD_PROCESSOR, rebuild));
            await(rebuild.shutdownAsync());
            swapped = Boolean.TRUE.equals(transactions.execute(status -> swap(rebuildReached, owner)));
            if (!swapped) {
                rebuild.start();
                return false;
            }
        } finally {
            if (liveWasRunning) {
                live.start();
            }
        }
        Instant end = Instant.now();
        double seconds = Math.max(0.001, Duration.between(run.startedAt(), end).toMillis() / 1000.0);
        finished = new Progress(
                "done",
                run.eventsTotal(),
                run.eventsTotal(),
                100.0,
                Math.round(run.eventsTotal() / seconds * 10) / 10.0,
                run.startedAt(),
                end);
        log.info(
                "Read models rebuilt and swapped in: {} events in {} s; processing paused {} ms for the swap",
                run.eventsTotal(),
                Duration.between(run.startedAt(), end).toSeconds(),
                Duration.between(pausedAt, end).toMillis());
        return true;
    }

    private boolean caughtUpTo(PooledStreamingEventProcessor rebuild, long position) {
        Instant limit = Instant.now().plus(CATCH_UP_LIMIT);
        while (lowest(positions.of(ReadModels.REBUILD_PROCESSOR, rebuild)) < position) {
            if (Instant.now().isAfter(limit)) {
                log.info("Rebuild not yet caught up with the live read models; the swap is tried again");
                return false;
            }
            sleep(20);
        }
        return true;
    }

    /**
     * The swap, in the caller's transaction. The live tables are locked first (readers and writers of every node wait
     * for the commit), then the tokens: a live processor on another node that wrote past what the rebuild reached makes
     * the swap wait for a later try. The live tokens are claimed for this node, so another node's live processor cannot
     * store its old position over them; its claim comes back when this node releases a segment or the claim times out.
     */
    private boolean swap(long rebuildReached, @Nullable String owner) {
        if (jdbc.queryForList("SELECT id FROM qs_read_model_rebuild FOR UPDATE", Integer.class)
                .isEmpty()) {
            return false;
        }
        tables.lockAll();
        jdbc.queryForList(
                "SELECT segment FROM token_entry WHERE processor_name IN (?, ?) FOR UPDATE",
                Integer.class,
                ReadModels.PROCESSOR,
                ReadModels.REBUILD_PROCESSOR);
        if (highest(positions.stored(ReadModels.PROCESSOR)) > rebuildReached) {
            return false;
        }
        tables.swapIn();
        jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", ReadModels.PROCESSOR);
        jdbc.update(
                "UPDATE token_entry SET processor_name = ?, owner = ?, time_stamp = ? WHERE processor_name = ?",
                ReadModels.PROCESSOR,
                owner,
                Instant.now().toString(),
                ReadModels.REBUILD_PROCESSOR);
        jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?", ReadModels.PROCESSOR);
        jdbc.update(
                "UPDATE dead_letter_entry SET processing_group = ? WHERE processing_group = ?",
                ReadModels.PROCESSOR,
                ReadModels.REBUILD_PROCESSOR);
        jdbc.update("DELETE FROM qs_read_model_rebuild");
        return true;
    }

    private Optional<Run> run() {
        return jdbc
                .query(
                        "SELECT started_at, events_total FROM qs_read_model_rebuild",
                        (rs, i) -> new Run(rs.getTimestamp("started_at").toInstant(), rs.getLong("events_total")))
                .stream()
                .findFirst();
    }

    private boolean replaying() {
        return rebuildProcessor.processor(1).isRunning();
    }

    private List<Long> rebuildPositions() {
        return replaying()
                ? positions.of(ReadModels.REBUILD_PROCESSOR, rebuildProcessor.processor(1))
                : positions.stored(ReadModels.REBUILD_PROCESSOR);
    }

    private void stopReplay() {
        PooledStreamingEventProcessor rebuild = rebuildProcessor.processor(1);
        if (rebuild.isRunning()) {
            await(rebuild.shutdownAsync());
        }
    }

    private long headPosition() {
        Long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private PooledStreamingEventProcessor live() {
        return processing
                .eventProcessor(ReadModels.PROCESSOR, PooledStreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + ReadModels.PROCESSOR));
    }

    private static long lowest(List<Long> positions) {
        return positions.isEmpty() ? 0 : Collections.min(positions);
    }

    private static long highest(List<Long> positions) {
        return positions.isEmpty() ? 0 : Collections.max(positions);
    }

    private static double percent(long done, long total) {
        double percent = total == 0 ? 100.0 : 100.0 * done / total;
        return Math.round(percent * 10) / 10.0;
    }

    private static void await(java.util.concurrent.CompletableFuture<Void> stopped) {
        try {
            stopped.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a processor stopped", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a processor did not stop", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** The replay stops with the service; its tokens and tables stay for the next start. */
    @Override
    public synchronized void stop() {
        running = false;
        interrupt();
        reporter.shutdownNow();
    }

    /** Stops the replay where it is, as a crash or a shutdown would; {@link #resumeUnfinished} goes on from there. */
    synchronized void interrupt() {
        if (reporting != null) {
            reporting.cancel(false);
        }
        stopReplay();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before Axon's own processors and the event store. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
