package dev.practicetracker.query.session;

import dev.practicetracker.events.Criterion;
import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.Theme;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One practice session as the candidate lived it: its questions in the order asked, with the wording they had then,
 * each with its answer (null if unanswered) and the ratings in force now. {@code status} is {@code in-progress},
 * {@code completed}, {@code abandoned} or {@code expired}; {@code endReason} says why an abandoned or expired session
 * ended.
 */
record SessionView(
        String sessionId,
        String candidateId,
        String cohortId,
        ReviewMode mode,
        String status,
        Instant startedAt,
        Instant endedAt,
        String endReason,
        int plannedCount,
        int answeredCount,
        long totalTimeSpentSeconds,
        List<Question> questions) {

    /** {@code position} counts from 1, in the order the session asked the questions. */
    record Question(
            int position,
            String questionId,
            Theme theme,
            Difficulty difficulty,
            String prompt,
            Answer answer,
            List<Rating> ratings) {}

    record Answer(String text, int timeSpentSeconds, Instant answeredAt) {}

    /**
     * A rater's current rating: the latest version, so a revised rating appears once, with its revised scores.
     * {@code ratedAt} is when it was first given, {@code revisedAt} when it was last revised (null if never).
     */
    record Rating(
            String raterId,
            RaterRole raterRole,
            Map<Criterion, Integer> scores,
            double meanScore,
            String comment,
            Instant ratedAt,
            Instant revisedAt) {}
}
