package dev.practicetracker.query.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How far each streaming processor is behind the head of the event store, sampled on a schedule so the numbers stay
 * current while no events arrive (Axon's own latency gauge keeps the last event's value until the next one comes).
 *
 * <p>A processor is as far behind as its slowest segment. A segment this node works on reports its position from
 * memory; any other segment from its stored token, so every node reports the processor as a whole, whichever node owns
 * which segments. (A stored token trails for a segment with no events of its own in recent batches: Axon stores it
 * only when it extends its claim, every few seconds; the owner's memory does not.) Seconds behind is the age of the
 * oldest event that the slowest segment has not reached, and zero when it has reached the head.
 */
@Component
class ProjectionLag {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLag.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final MeterRegistry registry;
    private final Map<String, Sample> samples = new ConcurrentHashMap<>();

    ProjectionLag(
            EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer, MeterRegistry registry) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.registry = registry;
    }

    /** The latest values of one processor, which its gauges read. */
    static final class Sample {
        private volatile double eventsBehind;
        private volatile double secondsBehind;
        private volatile double deadLetters;

        double eventsBehind() {
            return eventsBehind;
        }

        double secondsBehind() {
            return secondsBehind;
        }

        double deadLetters() {
            return deadLetters;
        }
    }

    @Scheduled(fixedDelayString = "${tracker.metrics.lag-interval}")
    void sample() {
        try {
            long head = head();
            Instant now = Instant.now();
            processing.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    record(name, streaming, head, now);
                }
            });
        } catch (DataAccessException e) {
            log.warn("Could not sample the projection lag; the gauges keep their last values: {}", e.getMessage());
        }
    }

    /** The values of {@code processor} as last sampled, registering its gauges the first time. */
    Sample sampleOf(String processor) {
        return samples.computeIfAbsent(processor, this::register);
    }

    private void record(String processor, StreamingEventProcessor streaming, long head, Instant now) {
        long position = lowestPosition(processor, streaming.processingStatus());
        Sample sample = sampleOf(processor);
        sample.eventsBehind = Math.max(0, head - position);
        sample.secondsBehind = oldestUnprocessed(position)
                .map(at -> Math.max(0, Duration.between(at, now).toMillis() / 1000.0))
                .orElse(0.0);
        sample.deadLetters = processing
                .deadLetterQueue(processor)
                .map(queue -> (double) queue.size())
                .orElse(0.0);
    }

    private Sample register(String processor) {
        Sample sample = new Sample();
        Gauge.builder("tracker.projection.lag.events", sample, Sample::eventsBehind)
                .description("Events in the store that the processor's slowest segment has not handled yet")
                .tag("processor", processor)
                .strongReference(true)
                .register(registry);
        Gauge.builder("tracker.projection.lag", sample, Sample::secondsBehind)
                .description("Age of the oldest event the processor has not handled yet; 0 when caught up")
                .baseUnit("seconds")
                .tag("processor", processor)
                .strongReference(true)
                .register(registry);
        Gauge.builder("tracker.projection.dead.letters", sample, Sample::deadLetters)
                .description("Events the processor failed on, waiting in its dead-letter queue")
                .tag("processor", processor)
                .strongReference(true)
                .register(registry);
        return sample;
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** The lowest position any segment has reached; 0 before the processor has stored any token. */
    private long lowestPosition(String processor, Map<Integer, EventTrackerStatus> owned) {
        List<OptionalLong> positions = jdbc.query(
                "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, i) -> {
                    EventTrackerStatus status = owned.get(rs.getInt("segment"));
                    return status != null
                            ? status.getCurrentPosition()
                            : position(rs.getBytes("token"), rs.getString("token_type"));
                },
                processor);
        return positions.stream()
                .mapToLong(position -> position.orElse(0))
                .min()
                .orElse(0);
    }

    private OptionalLong position(byte[] token, String type) {
        if (token == null || type == null) {
            return OptionalLong.empty();
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null ? OptionalLong.empty() : tracking.position();
    }

    private Optional<Instant> oldestUnprocessed(long position) {
        return jdbc
                .query(
                        "SELECT time_stamp FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1",
                        (rs, i) -> Instant.parse(rs.getString(1)),
                        position)
                .stream()
                .findFirst();
    }
}
