package dev.practicetracker.query.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.eventstore.EventsAppendedNotifier;
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

    /** Appending events (here through the query side's own event bus) notifies the channel the listener listens on. */
    @Test
    void appendedEventsAreNotifiedOnTheChannelTheListenerListensOn() throws Exception {
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

    /**
     * Commits of events in quick succession share a notification: the first is sent at once, every one asked for
     * during the interval after it goes out as one more, so the notification lock is taken per interval, not per commit.
     */
    @Test
    void commitsWithinTheIntervalShareOneNotification() throws Exception {
        EventsAppendedNotifier notifier = new EventsAppendedNotifier(dataSource, Duration.ofSeconds(1));
        notifier.start();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + NotifiedEventSource.CHANNEL);
            try {
                notifier.signal();
                await().atMost(Duration.ofSeconds(10)).until(() -> notifier.notificationsSent() == 1);
                for (int i = 0; i < 99; i++) {
                    notifier.signal();
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> notifier.notificationsSent() == 2);
                Thread.sleep(1500);

                assertThat(notifier.notificationsSent()).isEqualTo(2);
                assertThat(connection.unwrap(PGConnection.class).getNotifications(1000))
                        .isNotEmpty()
                        .allSatisfy(notification ->
                                assertThat(notification.getName()).isEqualTo(NotifiedEventSource.CHANNEL));
            } finally {
                statement.execute("UNLISTEN *");
            }
        } finally {
            notifier.stop();
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
