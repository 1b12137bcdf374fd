package dev.practicetracker.query.profile;

import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.Theme;
import java.time.Instant;
import java.util.Map;

/**
 * A candidate's standing in one theme. {@code level} is 0 to 100 level points (null with no rating), {@code
 * uncertainty} one standard deviation in level points, {@code trend} the change in level points over {@code
 * trendWindowDays}; {@code evidence} says in words whether the level can be relied on yet.
 */
public record ThemeProfile(
        Theme theme,
        String title,
        int answers,
        Double level,
        double uncertainty,
        boolean enoughEvidence,
        String evidence,
        Double trend,
        long trendWindowDays,
        String basis,
        Map<RaterRole, RoleEvidence> ratingsByRole,
        Instant lastPractisedAt,
        Instant lastRatedAt) {}
