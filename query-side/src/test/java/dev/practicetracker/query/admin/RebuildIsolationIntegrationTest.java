package dev.practicetracker.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.query.ReadSideIntegrationTest;
import dev.practicetracker.query.Scenario;
import dev.practicetracker.query.processing.ReadModels;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class RebuildIsolationIntegrationTest extends ReadSideIntegrationTest {

    @Autowired
    private ReadModelRebuild rebuild;

    @Autowired
    private DataSourceProperties database;

    @Test
    void readersSeeTheWholeOldReadModelUntilTheSwapThenTheWholeNewOneAndACrashLeavesTheLiveOneIntact()
            throws Exception {
        Scenario scenario = new Scenario(4, 5, 29);
        CandidateId watched = scenario.candidates.get(0);
        TestRestTemplate candidate = asCandidate(watched);
        TestRestTemplate admin = asAdmin();
        appendAndWait(scenario.events.toArray());
        Map<String, Integer> profileBefore = evidence(candidate, watched);
        assertThat(profileBefore.values()).anyMatch(count -> count > 0);

        Queue<String> seenWrong = new ConcurrentLinkedQueue<>();
        AtomicInteger polls = new AtomicInteger();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> poll(candidate, watched, profileBefore, seenWrong, polls, reading));
        reader.start();
        Map<String, String> live;
        try {
            // Holding the rebuild's lock keeps it from swapping its tables in (it checks under that lock): the
            // replay runs meanwhile, and the crash below comes before the swap, whatever this machine's speed.
            synchronized (rebuild) {
                // Started here, not over HTTP: the request's thread would wait for the lock this test holds.
                assertThat(rebuild.startRebuild().state()).isEqualTo("running");

                // The live read model stays current while the rebuild runs.
                Scenario later = new Scenario(1, 2, 31);
                appendAndWait(later.events.toArray());
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM qs_session WHERE candidate_id = ?",
                                Integer.class,
                                later.candidates.get(0).value()))
                        .isEqualTo(2);
                live = readModels();

                rebuild.interrupt(); // as a crash or a shutdown would stop it
            }
            assertThat(readModels())
                    .as("live tables after the interrupted rebuild")
                    .isEqualTo(live);
            JsonNode interrupted = admin.getForObject("/api/admin/rebuild", JsonNode.class);
            assertThat(interrupted.path("state").asText()).isEqualTo("running");
            assertThat(interrupted.path("eventsTotal").asLong()).isPositive();

            rebuild.resumeUnfinished(); // what the next start does
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> "done"
                            .equals(admin.getForObject("/api/admin/rebuild", JsonNode.class)
                                    .path("state")
                                    .asText()));
            awaitCaughtUp();
        } finally {
            reading.set(false);
            reader.join(30_000);
        }

        assertThat(readModels()).as("read models after the swap").isEqualTo(live);
        assertThat(seenWrong).as("what readers saw during the rebuild").isEmpty();
        assertThat(polls.get()).as("reads during the rebuild").isGreaterThan(10);
        assertThat(jdbc.queryForObject("SELECT to_regnamespace('qs_rebuild') IS NULL", Boolean.class))
                .isTrue();
        assertGrafanaReadsTheSwappedTables();
    }

    /**
     * Polls like a reader: no table's row count may go down, and the watched candidate's profile always has all the
     * answers and ratings it had before the rebuild (none of them arrive during it).
     */
    private void poll(
            TestRestTemplate candidate,
            CandidateId watched,
            Map<String, Integer> profileBefore,
            Queue<String> seenWrong,
            AtomicInteger polls,
            AtomicBoolean reading) {
        Map<String, Long> highest = new TreeMap<>();
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            while (reading.get()) {
                for (String table : ReadModels.REBUILT_TABLES) {
                    try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rows.next();
                        long count = rows.getLong(1);
                        long before = highest.getOrDefault(table, 0L);
                        if (count < before) {
                            seenWrong.add(table + " went down from " + before + " to " + count + " rows");
                        }
                        highest.put(table, Math.max(before, count));
                    }
                }
                Map<String, Integer> profile = evidence(candidate, watched);
                if (!profile.isEmpty() && !profile.equals(profileBefore)) {
                    seenWrong.add("a partial profile: " + profile + " instead of " + profileBefore);
                }
                polls.incrementAndGet();
                Thread.sleep(20);
            }
        } catch (SQLException e) {
            seenWrong.add("reader failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers and ratings per theme and role in the candidate's profile; empty when it could not be read now. */
    private static Map<String, Integer> evidence(TestRestTemplate candidate, CandidateId id) {
        ResponseEntity<JsonNode> answer =
                candidate.getForEntity("/api/candidates/{id}/profile", JsonNode.class, id.value());
        Map<String, Integer> evidence = new TreeMap<>();
        if (answer.getStatusCode() != HttpStatus.OK || answer.getBody() == null) {
            return evidence; // a 503 while the test's small pool is busy says nothing about what the reader sees
        }
        for (JsonNode theme : answer.getBody().path("themes")) {
            String name = theme.path("theme").asText();
            evidence.put(name + " answers", theme.path("answers").asInt());
            theme.path("ratingsByRole")
                    .fields()
                    .forEachRemaining(role -> evidence.put(
                            name + " " + role.getKey() + " ratings",
                            role.getValue().path("count").asInt()));
        }
        return evidence;
    }

    private void assertGrafanaReadsTheSwappedTables() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("SET ROLE grafana_reader");
            for (String table : List.of("qs_session", "qs_skill_profile", "qs_progress_daily", "qs_current_rating")) {
                statement.executeQuery("SELECT COUNT(*) FROM " + table).close();
            }
            statement
                    .executeQuery("SELECT candidate_id, theme, answered_at FROM qs_answer")
                    .close();
            boolean refused = false;
            try {
                statement.executeQuery("SELECT answer FROM qs_answer").close();
            } catch (SQLException e) {
                refused = e.getMessage().contains("permission denied");
            }
            assertThat(refused)
                    .as("the answers' free text stays out of Grafana's reach")
                    .isTrue();
        }
    }

    /** A connection of its own, outside the service's small test pool. */
    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                database.determineUrl(), database.determineUsername(), database.determinePassword());
    }

    private Map<String, String> readModels() {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : ReadModels.REBUILT_TABLES) {
            tables.put(
                    table,
                    jdbc.queryForObject(
                            "SELECT COALESCE(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM " + table + " t",
                            String.class));
        }
        return tables;
    }
}
