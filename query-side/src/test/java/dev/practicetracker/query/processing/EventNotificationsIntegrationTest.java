package dev.practicetracker.query.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.eventstore.NotifiedEventSource;
import dev.practicetracker.query.ReadSideIntegrationTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;

class EventNotificationsIntegrationTest extends ReadSideIntegrationTest {

    @Autowired
    private DataSource dataSource;

    /** The trigger's SQL spells the channel itself; this holds it to the constant the listener and health use. */
    @Test
    void theEventTablesTriggerNotifiesTheChannelTheListenerListensOn() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + NotifiedEventSource.CHANNEL);
            try {
                append(new CohortCreatedEvent(
                        CohortId.of("c-" + UUID.randomUUID()), "Heard", CoachId.of("coach-1"), Instant.now()));

                PGNotification[] received =
                        connection.unwrap(PGConnection.class).getNotifications(10_000);

                assertThat(received).isNotEmpty();
                assertThat(received[0].getName()).isEqualTo(NotifiedEventSource.CHANNEL);
                assertThat(notifications().get("channel").asText()).isEqualTo(NotifiedEventSource.CHANNEL);
            } finally {
                // The connection goes back to the pool, where it must not go on listening.
                statement.execute("UNLISTEN *");
            }
        }
    }

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
