package dev.practicetracker.query.profile;

import dev.practicetracker.events.RaterRole;
import java.time.Instant;

/** One version of one rater's rating of one answer, effective from {@code effectiveAt}. */
public record RatingVersion(
        String sessionId,
        String questionId,
        String raterId,
        RaterRole role,
        double meanScore,
        Instant answeredAt,
        Instant effectiveAt,
        boolean revision) {

    String answerKey() {
        return sessionId + '/' + questionId + '/' + raterId;
    }
}
