package dev.practicetracker.query.profile;

import dev.practicetracker.events.RaterRole;
import java.time.Instant;
import java.util.Objects;

/**
 * What one rater role alone says about a candidate's level in one theme.
 *
 * @param role the rater role
 * @param count how many of this role's ratings were counted (at or before the as-of instant)
 * @param meanScore the plain mean of those ratings' rubric means, 1.0 to 5.0
 * @param level this role's own recency-aware level estimate, 0 to 100 level points
 * @param uncertainty one standard deviation of that estimate, in level points
 * @param lastRatedAt when this role last rated the candidate in the theme
 */
public record RoleEvidence(
        RaterRole role, int count, double meanScore, double level, double uncertainty, Instant lastRatedAt) {

    public RoleEvidence {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(lastRatedAt, "lastRatedAt");
        if (count < 1) {
            throw new IllegalArgumentException("role evidence needs at least one rating, was " + count);
        }
    }
}
