package dev.practicetracker.query.processing;

import dev.practicetracker.eventstore.NodeName;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Shares the read-model processor's segments between the query nodes on one database. Axon's pooled processor claims
 * every segment nobody holds, so the first node up takes them all and a node that joins later would get none (Axon
 * Server's licensed clustering balances them; without it nothing does). So every node says it is alive in
 * {@code qs_processor_nodes} each {@code TRACKER_SEGMENT_BALANCE_INTERVAL}; a node holding more than its share (the
 * segments divided by the nodes seen within three intervals, rounded up) releases one segment per interval, and a
 * node below its share claims it at its next coordination. A node stopped releases its segments and its row at once;
 * a node killed stops saying it is alive, and its claims expire after Axon's token claim timeout (10 s), when the
 * others take them. Each segment has one owner at a time, so each event is still applied once.
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final NodeName node;
    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "segment-balancer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile @Nullable ScheduledFuture<?> task;

    SegmentBalancer(
            EventProcessingConfiguration processing,
            JdbcTemplate jdbc,
            NodeName node,
            @Value("${tracker.processing.segment-balance-interval:5s}") Duration interval) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.node = node;
        this.interval = interval;
    }

    @Override
    public void start() {
        task = timer.scheduleWithFixedDelay(this::balanceQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
            task = null;
        }
        try {
            jdbc.update("DELETE FROM qs_processor_nodes WHERE node_id = ?", node.value());
        } catch (RuntimeException e) {
            log.debug("The node's row was not removed on stop ({}); it expires on its own", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }

    /** Stops before the processors, so that no segment is released while they hand theirs back. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            // The database away, most often: the next round tries again, and the processors do not depend on this.
            log.debug("Segment balancing skipped this round: {}", e.getMessage());
        }
    }

    /** One round: say this node is alive, then release a segment if it holds more than its share. */
    void balance() {
        jdbc.update(
                "INSERT INTO qs_processor_nodes (node_id, seen_at) VALUES (?, now())"
                        + " ON CONFLICT (node_id) DO UPDATE SET seen_at = now()",
                node.value());
        int nodes = count(
                "SELECT count(*) FROM qs_processor_nodes WHERE seen_at > now() - make_interval(secs => ?)",
                interval.toMillis() * 3 / 1000.0);
        int segments = count("SELECT count(*) FROM token_entry WHERE processor_name = ?", ReadModels.PROCESSOR);
        StreamingEventProcessor processor = processing
                .eventProcessor(ReadModels.PROCESSOR, StreamingEventProcessor.class)
                .orElse(null);
        if (processor == null || !processor.isRunning() || nodes == 0 || segments == 0) {
            return;
        }
        Set<Integer> held = processor.processingStatus().keySet();
        int share = (segments + nodes - 1) / nodes;
        if (held.size() > share) {
            int released = held.stream().mapToInt(Integer::intValue).max().orElseThrow();
            processor.releaseSegment(released);
            log.info(
                    "Released segment {} of the read-model processor for another query node: this node held {} of {}"
                            + " segments, its share among {} nodes is {}",
                    released,
                    held.size(),
                    segments,
                    nodes,
                    share);
        }
    }

    private int count(String sql, Object argument) {
        Integer value = jdbc.queryForObject(sql, Integer.class, argument);
        return value == null ? 0 : value;
    }
}
