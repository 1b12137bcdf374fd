package dev.practicetracker.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How appended events are announced to readers in other processes ({@link EventsAppendedNotifier}).
 *
 * @param notifyInterval the least time between two notifications this node sends ({@code EVENTS_NOTIFY_INTERVAL}):
 *     commits within it share one; the first after a quiet spell goes out at once
 */
@ConfigurationProperties("tracker.events")
public record EventNotificationProperties(
        @DefaultValue("5ms") Duration notifyInterval) {

    public EventNotificationProperties {
        if (notifyInterval.isNegative()) {
            throw new IllegalArgumentException("tracker.events.notify-interval must not be negative");
        }
    }
}
