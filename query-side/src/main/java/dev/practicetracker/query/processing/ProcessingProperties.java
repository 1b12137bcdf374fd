package dev.practicetracker.query.processing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the read side reads the event store.
 *
 * @param fetchSize how many events one read of the event store fetches
 */
@ConfigurationProperties("tracker.processing")
record ProcessingProperties(@DefaultValue("100") int fetchSize) {}
