package dev.practicetracker.query.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.practicetracker.database.TestDatabases;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.account.AccountCreatedEvent;
import dev.practicetracker.eventstore.NotificationListener;
import dev.practicetracker.query.CandidateEvents;
import dev.practicetracker.query.QueryNodes;
import dev.practicetracker.security.Tokens;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two query-side nodes on one database, sharing the processor's segments: a candidate's progress page stays live on
 * both, although only one of them processes that candidate's events, and stays live after the database cut the
 * listening connections.
 */
class LiveUpdatesAcrossNodesIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    private final CandidateEvents events = CandidateEvents.someone();
    private final String candidate = events.candidate();
    private final Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private long sessionEvents;

    @BeforeAll
    static void startTwoNodes() {
        String database = TestDatabases.createDatabase();
        first = QueryNodes.start(database, "query-1");
        second = QueryNodes.start(database, "query-2");
    }

    @AfterAll
    static void stopNodes() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void aRatingProcessedOnEitherNodeReachesTheLiveStreamsOnBothAndStillDoesAfterTheListenersLostTheirConnections()
            throws Exception {
        SessionId session = SessionId.of("s-" + UUID.randomUUID());
        append(
                new AccountCreatedEvent(
                        PersonId.of(candidate), candidate, "Ada", Role.CANDIDATE, PersonId.of("admin"), Instant.now()),
                events.started(session, Theme.API_DESIGN, start, "q-1", "q-2"),
                events.answered(session, "q-1", Theme.API_DESIGN, start.plusSeconds(60)),
                events.answered(session, "q-2", Theme.API_DESIGN, start.plusSeconds(120)));
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM qs_answer WHERE candidate_id = ?", Long.class, candidate)
                        == 2);
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT owner FROM token_entry WHERE processor_name = 'read-models'", String.class))
                .as("segments claimed under the nodes' own names")
                .isNotEmpty()
                .isSubsetOf("query-1", "query-2");
        Long credentials = jdbc.queryForObject(
                "SELECT credentials_version FROM qs_accounts WHERE account_id = ?", Long.class, candidate);
        String token = first.getBean(Tokens.class)
                .issue(PersonId.of(candidate), Role.CANDIDATE, candidate, credentials)
                .value();
        BlockingQueue<JsonNode> onFirst = stream(first, token);
        BlockingQueue<JsonNode> onSecond = stream(second, token);
        assertThat(next(onFirst, ratings(0))).isNotNull();
        assertThat(next(onSecond, ratings(0))).isNotNull();

        append(events.rated(session, "q-1", Theme.API_DESIGN, "coach-1", RaterRole.COACH, 5, start.plusSeconds(180)));

        assertThat(next(onFirst, ratings(1))).as("an update on the first node").isNotNull();
        assertThat(next(onSecond, ratings(1)))
                .as("an update on the second node")
                .isNotNull();

        // A database restart ends every connection; the listeners reconnect and the streams go on.
        Integer cut = jdbc.queryForObject(
                "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE application_name = 'tracker-live-updates' AND datname = current_database()",
                Integer.class);
        assertThat(cut).isEqualTo(2);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> listening(first) && listening(second) && listeners(jdbc) == 2);

        append(events.rated(session, "q-2", Theme.API_DESIGN, "coach-1", RaterRole.COACH, 4, start.plusSeconds(240)));

        assertThat(next(onFirst, ratings(2)))
                .as("an update on the first node after reconnecting")
                .isNotNull();
        assertThat(next(onSecond, ratings(2)))
                .as("an update on the second node after reconnecting")
                .isNotNull();
    }

    private static boolean listening(ConfigurableApplicationContext node) {
        return node.getBean("profileChangeListener", NotificationListener.class).isListening();
    }

    private static long listeners(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM pg_stat_activity"
                        + " WHERE application_name = 'tracker-live-updates' AND datname = current_database()",
                Long.class);
    }

    /** Appends the events as the command side would: the account's to its own aggregate, the rest to the session's. */
    private void append(Object... payloads) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            boolean account = payload instanceof AccountCreatedEvent;
            messages.add(new GenericDomainEventMessage<>(
                    payload.getClass().getSimpleName().replace("Event", ""),
                    account ? candidate : "session-of-" + candidate,
                    account ? 0 : sessionEvents++,
                    payload));
        }
        first.getBean(EventStore.class).publish(messages);
    }

    /** Profiles whose api-design theme counts this many ratings. */
    private static Predicate<JsonNode> ratings(int count) {
        return profile -> {
            JsonNode theme = CandidateEvents.theme(profile.get("themes"), "api-design");
            int total = 0;
            for (JsonNode role : theme.get("ratingsByRole")) {
                total += role.get("count").asInt();
            }
            return total == count;
        };
    }

    /** The next profile sent that matches, skipping earlier states (a reconnect re-sends the current one). */
    private static JsonNode next(BlockingQueue<JsonNode> profiles, Predicate<JsonNode> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            JsonNode profile = profiles.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (profile != null && wanted.test(profile)) {
                return profile;
            }
        }
        return null;
    }

    private BlockingQueue<JsonNode> stream(ConfigurableApplicationContext node, String token) throws Exception {
        String port = node.getEnvironment().getProperty("local.server.port");
        HttpResponse<InputStream> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/candidates/" + candidate + "/profile/stream"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        BlockingQueue<JsonNode> profiles = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readEvents(response.body(), profiles));
        reader.setDaemon(true);
        reader.start();
        return profiles;
    }

    private static void readEvents(InputStream body, BlockingQueue<JsonNode> profiles) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            List<String> data = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    data.add(line.substring(5));
                } else if (line.isEmpty() && !data.isEmpty()) {
                    profiles.add(JSON.readTree(String.join("\n", data)));
                    data.clear();
                }
            }
        } catch (Exception e) {
            // the node stopped
        }
    }
}
