package dev.practicetracker.query.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.account.AccountLockedEvent;
import dev.practicetracker.query.ReadSideIntegrationTest;
import dev.practicetracker.query.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class ReplayIntegrationTest extends ReadSideIntegrationTest {

    @Test
    void aRebuildFromTheEventStoreEndsWithTheSameReadModelsAsIncrementalProcessing() {
        Scenario scenario = new Scenario(4, 6, 7);
        TestRestTemplate admin = asAdmin();
        String lockedOut = "locked-" + java.util.UUID.randomUUID();
        TestRestTemplate locked = as(lockedOut, Role.CANDIDATE);
        appendAndWait(new AccountLockedEvent(PersonId.of(lockedOut), "test", PersonId.of(ADMIN), Instant.now()));
        appendAndWait(scenario.events.toArray());
        Map<String, String> incremental = readModels();
        assertThat(incremental.get("qs_rating")).isNotBlank();
        assertThat(incremental.get("qs_progress_daily")).isNotBlank();

        ResponseEntity<JsonNode> started = admin.postForEntity("/api/admin/rebuild", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        // Accounts are not emptied by a rebuild: the admin watching it is never refused, a locked account never
        // passes, at any moment of the replay.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    ResponseEntity<JsonNode> status = admin.getForEntity("/api/admin/rebuild", JsonNode.class);
                    assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
                    assertThat(locked.getForEntity("/api/me", String.class).getStatusCode())
                            .isEqualTo(HttpStatus.UNAUTHORIZED);
                    return "done".equals(status.getBody().path("state").asText());
                });
        JsonNode progress = admin.getForObject("/api/admin/rebuild", JsonNode.class);

        assertThat(readModels()).isEqualTo(incremental);
        assertThat(progress.get("eventsDone").asLong())
                .isEqualTo(progress.get("eventsTotal").asLong());
        assertThat(progress.get("percentDone").asDouble()).isEqualTo(100.0);
        assertThat(progress.get("eventsPerSecond").asDouble()).isPositive();
    }

    @Test
    void processingEveryEventASecondTimeChangesNoReadModel() {
        Scenario scenario = new Scenario(3, 5, 11);
        appendAndWait(scenario.events.toArray());
        Map<String, String> once = readModels();

        // As after a crash between writing the read models and storing the token: the processor starts over from
        // the first event, without emptying anything.
        PooledStreamingEventProcessor processor = processing
                .eventProcessor("read-models", PooledStreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        jdbc.update("UPDATE token_entry SET token = NULL, token_type = NULL WHERE processor_name = 'read-models'");
        processor.start();
        awaitCaughtUp();

        assertThat(readModels()).isEqualTo(once);
    }

    /** Every read-model table as canonical text, row by row. */
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
