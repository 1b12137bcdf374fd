package dev.practicetracker.query.processing;

import dev.practicetracker.eventstore.NotifiedEventSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the query side hears of new events at once. Without the notification connection it still works, polling
 * instead, so it stays up but says so: an operator sees why the read models lag by seconds.
 */
@Component("eventNotifications")
class EventNotificationsHealth implements HealthIndicator {

    private final NotifiedEventSource source;

    EventNotificationsHealth(NotifiedEventSource source) {
        this.source = source;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("listening", source.isListening())
                .withDetail("channel", NotifiedEventSource.CHANNEL)
                .withDetail("notificationsReceived", source.notificationsReceived())
                .withDetail(
                        "freshness",
                        source.isListening() ? "woken at commit" : "polling until the notification connection is back")
                .build();
    }
}
