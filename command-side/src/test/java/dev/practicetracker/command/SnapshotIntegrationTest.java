package dev.practicetracker.command;

import static dev.practicetracker.command.CommandApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.command.session.PracticeSession;
import dev.practicetracker.database.FreshTestDatabase;
import dev.practicetracker.events.RaterRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * A session with more events than the snapshot threshold is snapshotted, and loading it from the snapshot gives exactly
 * the state that replaying all of its events gives.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tracker.session.snapshot-threshold=3")
@ContextConfiguration(initializers = FreshTestDatabase.class)
class SnapshotIntegrationTest {

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private Configuration axon;

    @Autowired
    private EventStore eventStore;

    @Test
    void aSessionLoadedFromItsSnapshotIsTheSameAsOneReplayedFromAllItsEvents() {
        String candidate = "cand-snapshot";
        CommandApi api = new CommandApi(http, jdbc).newCandidate(candidate);
        JsonNode started = api.startSession(api.accountId(), "databases", 3);
        String session = started.get("sessionId").asText();
        List<String> questions = CommandApi.questionIds(started);
        assertThat(api.answer(session, questions.get(0)).getStatusCode().value())
                .isEqualTo(201);
        assertThat(api.rate(session, questions.get(0), api.accountId(), "self")
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(api.answer(session, questions.get(1)).getStatusCode().value())
                .isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotRows(session) > 0);
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT payload_type, sequence_number, convert_from(payload, 'UTF8') AS payload"
                        + " FROM snapshot_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number DESC LIMIT 1",
                session);
        assertThat(row.get("payload_type")).isEqualTo(PracticeSession.class.getName());
        assertThat(((Number) row.get("sequence_number")).longValue()).isGreaterThanOrEqualTo(2);
        JsonNode snapshot = read((String) row.get("payload"));
        assertThat(snapshot.get("sessionId").asText()).isEqualTo(session);
        assertThat(snapshot.get("questions").size()).isEqualTo(3);
        assertThat(snapshot.get("ratersByAnswer").has(questions.get(0))).isTrue();

        // The event store actually starts from the snapshot (it silently replays everything if it cannot read one).
        DomainEventStream stream = eventStore.readEvents(session);
        assertThat(stream.hasNext()).isTrue();
        assertThat(stream.peek().getPayloadType()).isEqualTo(PracticeSession.class);

        PracticeSession fromSnapshot = load(session);
        ResponseEntity<String> again = api.answer(session, questions.get(0));
        assertThat(read(again.getBody()).get("rule").asText()).isEqualTo("already-answered");

        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", session);
        assertThat(eventStore.readEvents(session).peek().getPayloadType()).isNotEqualTo(PracticeSession.class);
        PracticeSession fromEvents = load(session);

        assertThat(fromSnapshot).usingRecursiveComparison().isEqualTo(fromEvents);
        assertThat(fromSnapshot)
                .extracting("ratersByAnswer")
                .isEqualTo(Map.of(
                        questions.get(0), Map.of(api.accountId(), RaterRole.SELF),
                        questions.get(1), Map.of()));
        assertThat(fromSnapshot).extracting("status").hasToString("IN_PROGRESS");
        assertThat(fromSnapshot).extracting("questions").asInstanceOf(MAP).containsOnlyKeys(questions.toArray());
    }

    private long snapshotRows(String session) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, session);
    }

    /** The session as the command side would load it to handle a command, without handling one. */
    private PracticeSession load(String session) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Repository<PracticeSession> repository = axon.repository(PracticeSession.class);
            return repository.load(session).invoke(aggregate -> aggregate);
        } finally {
            unitOfWork.rollback();
        }
    }
}
