package dev.practicetracker.query.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.practicetracker.database.TestDatabases;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.query.CandidateEvents;
import dev.practicetracker.query.QueryNodes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Query nodes on one database share the read-model processor's segments: a node that joins gets its share from the
 * one that held them all, a node that leaves hands its share back, and every event is applied once throughout.
 */
class SegmentBalancingIntegrationTest {

    private static final Duration BALANCE = Duration.ofSeconds(1);

    @Test
    void aJoiningNodeGetsItsShareALeavingOneHandsItBackAndEachEventIsAppliedOnce() {
        String database = TestDatabases.createDatabase();
        try (ConfigurableApplicationContext first = node(database, "query-1")) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> owners(jdbc).getOrDefault("query-1", 0L) == 4);
            List<String> candidates = new ArrayList<>();
            append(first, candidates, 10);

            try (ConfigurableApplicationContext second = node(database, "query-2")) {
                await().atMost(Duration.ofSeconds(40))
                        .until(() -> owners(jdbc).equals(Map.of("query-1", 2L, "query-2", 2L)));
                append(second, candidates, 10);
                await().atMost(Duration.ofSeconds(30)).until(() -> answers(jdbc) == 2L * candidates.size());
            }

            await().atMost(Duration.ofSeconds(40)).until(() -> owners(jdbc).equals(Map.of("query-1", 4L)));
            append(first, candidates, 10);
            await().atMost(Duration.ofSeconds(30)).until(() -> answers(jdbc) == 2L * candidates.size());
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM (SELECT candidate_id, question_id FROM qs_answer"
                                    + " GROUP BY candidate_id, question_id HAVING count(*) > 1) twice",
                            Long.class))
                    .as("no answer applied twice")
                    .isZero();
            assertThat(jdbc.queryForList("SELECT node_id FROM qs_processor_nodes", String.class))
                    .as("the node that left took its row with it")
                    .containsExactly("query-1");
        }
    }

    private static ConfigurableApplicationContext node(String database, String name) {
        return QueryNodes.start(database, name, "--TRACKER_SEGMENT_BALANCE_INTERVAL=" + BALANCE.toMillis() + "ms");
    }

    /** Segments of the live processor per owner; unclaimed ones left out. */
    private static Map<String, Long> owners(JdbcTemplate jdbc) {
        return jdbc
                .queryForList(
                        "SELECT owner FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL",
                        String.class,
                        ReadModels.PROCESSOR)
                .stream()
                .collect(Collectors.groupingBy(owner -> owner, Collectors.counting()));
    }

    private static long answers(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM qs_answer", Long.class);
    }

    /** Through the given node's event store: a session with two answers for each of {@code count} new candidates. */
    private static void append(ConfigurableApplicationContext node, List<String> candidates, int count) {
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CandidateEvents events = CandidateEvents.someone();
            candidates.add(events.candidate());
            SessionId session = SessionId.of("s-" + UUID.randomUUID());
            Object[] payloads = {
                events.started(session, Theme.GIT, start, "q-1", "q-2"),
                events.answered(session, "q-1", Theme.GIT, start.plusSeconds(60)),
                events.answered(session, "q-2", Theme.GIT, start.plusSeconds(120))
            };
            for (int sequence = 0; sequence < payloads.length; sequence++) {
                messages.add(new GenericDomainEventMessage<>(
                        "PracticeSession", session.value(), sequence, payloads[sequence]));
            }
        }
        node.getBean(EventStore.class).publish(messages);
    }
}
