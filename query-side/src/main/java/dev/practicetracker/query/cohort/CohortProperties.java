package dev.practicetracker.query.cohort;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a coach's overview marks a candidate as at risk.
 *
 * @param inactiveAfterDays days without practice after which a candidate counts as inactive
 *     ({@code COHORT_INACTIVE_AFTER_DAYS})
 * @param fallingTrendPoints a trend at or below this many level points counts as falling
 *     ({@code COHORT_FALLING_TREND_POINTS})
 *
 * <p>Boxed where an environment variable maps the setting: an empty variable binds as absent, so the default here
 * applies.
 */
@ConfigurationProperties("tracker.cohort")
record CohortProperties(
        @DefaultValue("7") Integer inactiveAfterDays,
        @DefaultValue("-5") Double fallingTrendPoints) {}
