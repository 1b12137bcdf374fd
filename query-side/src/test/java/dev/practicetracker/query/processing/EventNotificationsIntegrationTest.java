package dev.practicetracker.query.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.query.ReadSideIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventNotificationsIntegrationTest extends ReadSideIntegrationTest {

    @Test
    void healthShowsItsDetailsToAnAdminOnly() {
        JsonNode anonymous = http.getForObject("/actuator/health", JsonNode.class);

        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        assertThat(notifications()).isNotNull();
    }

    @Test
    void healthSaysTheQuerySideIsListeningAndCountsTheNotificationsOfAppendedEvents() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> notifications().get("listening").asBoolean());
        long before = notifications().get("notificationsReceived").asLong();

        append(new CohortCreatedEvent(
                CohortId.of("c-" + UUID.randomUUID()), "Notified", CoachId.of("coach-1"), Instant.now()));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> notifications().get("notificationsReceived").asLong() > before);
        assertThat(notifications().get("freshness").asText()).isEqualTo("woken at commit");
    }

    private JsonNode notifications() {
        return asAdmin()
                .getForObject("/actuator/health", JsonNode.class)
                .get("components")
                .get("eventNotifications")
                .get("details");
    }
}
