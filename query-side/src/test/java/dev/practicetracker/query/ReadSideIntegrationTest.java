package dev.practicetracker.query;

import static org.awaitility.Awaitility.await;

import dev.practicetracker.database.FreshTestDatabase;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * A query-side application on a database of its own, into whose event store a test appends events as the command side
 * would, then reads the read models over HTTP once the processor has caught up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshTestDatabase.class)
public abstract class ReadSideIntegrationTest {

    @Autowired
    protected EventStore eventStore;

    @Autowired
    protected EventProcessingConfiguration processing;

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected JdbcTemplate jdbc;

    private final Map<String, Long> sequences = new HashMap<>();

    /** Appends the events, each to the aggregate its id names, in order, in one transaction. */
    protected void append(Object... payloads) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            String aggregateId = aggregateIdOf(payload);
            long sequence = sequences.merge(aggregateId, 0L, (old, zero) -> old + 1);
            if (sequence == 0) {
                Long stored = jdbc.queryForObject(
                        "SELECT COALESCE(MAX(sequence_number) + 1, 0) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        aggregateId);
                sequence = stored == null ? 0 : stored;
                sequences.put(aggregateId, sequence);
            }
            messages.add(new GenericDomainEventMessage<>(
                    payload.getClass().getSimpleName().replace("Event", ""), aggregateId, sequence, payload));
        }
        eventStore.publish(messages);
    }

    /** Appends the events and waits until the read models reflect them. */
    protected void appendAndWait(Object... payloads) {
        append(payloads);
        awaitCaughtUp();
    }

    protected void awaitCaughtUp() {
        Long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class);
        PooledStreamingEventProcessor processor = processing
                .eventProcessor("read-models", PooledStreamingEventProcessor.class)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                    return !status.isEmpty()
                            && status.values().stream()
                                    .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
                });
    }

    private static String aggregateIdOf(Object payload) {
        for (String name : List.of("sessionId", "cohortId", "questionId")) {
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                if (component.getName().equals(name)) {
                    try {
                        return component.getAccessor().invoke(payload).toString();
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        throw new IllegalArgumentException("no aggregate id in " + payload);
    }
}
