package dev.practicetracker.query.profile;

import dev.practicetracker.events.RaterRole;
import java.time.Instant;
import java.util.Objects;

/**
 * One rating a candidate received for one answer in one theme, as the skill estimator sees it.
 *
 * @param ratedAt when the rating was given
 * @param role who gave it
 * @param meanScore the unweighted mean of the five rubric criteria, 1.0 to 5.0
 */
public record RatingObservation(Instant ratedAt, RaterRole role, double meanScore) {

    public RatingObservation {
        Objects.requireNonNull(ratedAt, "ratedAt");
        Objects.requireNonNull(role, "role");
        if (!(meanScore >= 1.0 && meanScore <= 5.0)) {
            throw new IllegalArgumentException("meanScore must be between 1.0 and 5.0, was " + meanScore);
        }
    }
}
