package dev.practicetracker.app.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo switch's settings.
 *
 * @param enabled whether the demo cohort is seeded ({@code --demo} or {@code TRACKER_DEMO=true})
 * @param reseedWhenStale whether a demo seeded on an earlier day is wiped, database and all, and seeded again for
 *     today ({@code TRACKER_DEMO_RESEED}); on by default only in the demo's own embedded data directory, since it
 *     wipes everything in its database
 */
@ConfigurationProperties("tracker.demo")
public record DemoProperties(
        @DefaultValue("false") Boolean enabled,
        @DefaultValue("false") Boolean reseedWhenStale) {}
