package dev.practicetracker.query.review;

import dev.practicetracker.events.Theme;
import java.time.Instant;
import java.util.Map;

/**
 * One answer waiting for its coach's rating, with what the coach needs to rate it: the prompt as the candidate saw it
 * and the strong-answer guidance ({@code strongAnswer}, null when the question is not in the bank the read side knows).
 *
 * @param candidateName the candidate's display name, null before their account is known here
 * @param timeSpentSeconds how long the candidate spent on the answer, in seconds
 * @param waitingSeconds seconds since the answer was given, never negative
 * @param waiting the same in words, like "3 h 20 min" or "2 days 4 h"
 * @param selfRating the candidate's own rating of the answer as it stands now, null when they gave none
 */
record ReviewItem(
        String sessionId,
        String questionId,
        String candidateId,
        String candidateName,
        String cohortId,
        String cohortName,
        Theme theme,
        String prompt,
        String strongAnswer,
        String answer,
        int timeSpentSeconds,
        Instant answeredAt,
        long waitingSeconds,
        String waiting,
        SelfRating selfRating) {

    /** Scores 1 to 5 per rubric criterion (keyed as the rating API keys them), their mean, the candidate's comment. */
    record SelfRating(Map<String, Integer> scores, double mean, String comment) {}
}
