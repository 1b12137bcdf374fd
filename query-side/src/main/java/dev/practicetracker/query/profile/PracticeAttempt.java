package dev.practicetracker.query.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * One answer a candidate gave to a question of a theme, as the practice scheduler sees it.
 *
 * @param at when the answer was given
 * @param meanScore the rubric mean (1.0 to 5.0) of the best available rating of that answer, {@code null} if unrated
 */
public record PracticeAttempt(Instant at, Double meanScore) {

    public PracticeAttempt {
        Objects.requireNonNull(at, "at");
        if (meanScore != null && !(meanScore >= 1.0 && meanScore <= 5.0)) {
            throw new IllegalArgumentException("meanScore must be between 1.0 and 5.0, was " + meanScore);
        }
    }
}
