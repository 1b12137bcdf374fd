package dev.practicetracker.command;

import static dev.practicetracker.command.CommandApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.database.FreshTestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/** A session left alone for its inactivity timeout is expired by a deadline stored in the database. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tracker.session.inactivity-timeout=PT2S", "db-scheduler.polling-interval=1s"})
@ContextConfiguration(initializers = FreshTestDatabase.class)
class InactivityExpiryIntegrationTest {

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aSessionLeftAloneExpiresOnItsOwnAndThenTakesNoMoreAnswers() {
        CommandApi api = new CommandApi(http, jdbc).newCandidate("cand-idle");
        JsonNode started = api.startSession(api.accountId(), "git", 2);
        String session = started.get("sessionId").asText();
        List<String> questions = CommandApi.questionIds(started);
        assertThat(started.get("inactivityTimeoutSeconds").asLong()).isEqualTo(2);
        assertThat(pendingDeadlines()).as("deadline stored while pending").isPositive();

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> expiredEvents(session) == 1);

        String expired = jdbc.queryForObject(
                "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload_type LIKE '%SessionExpiredEvent'",
                String.class, session);
        JsonNode event = read(expired);
        assertThat(event.get("answeredCount").asInt()).isZero();
        assertThat(Duration.between(
                        Instant.parse(event.get("lastActivityAt").asText()),
                        Instant.parse(event.get("expiredAt").asText())))
                .isEqualTo(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingDeadlines() == 0);

        long before = api.eventCount();
        ResponseEntity<String> late = api.answer(session, questions.get(0));

        assertThat(late.getStatusCode().value()).as(late.getBody()).isEqualTo(422);
        assertThat(read(late.getBody()).get("rule").asText()).isEqualTo("session-ended");
        assertThat(api.eventCount()).isEqualTo(before);
        assertThat(expiredEvents(session)).isEqualTo(1);
    }

    private long pendingDeadlines() {
        // Axon's deadlines only: the recurring tasks (the idempotency keys' purge, the retention erasure) share the
        // table.
        return jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'", Long.class);
    }

    private long expiredEvents(String session) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload_type LIKE '%SessionExpiredEvent'",
                Long.class, session);
    }
}
