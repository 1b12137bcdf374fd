package dev.practicetracker.query.profile;

import java.time.Instant;
import java.util.List;

/** A candidate's skill profile as of an instant, one entry per theme, with how the numbers were computed. */
public record CandidateProfile(String candidateId, Instant asOf, List<ThemeProfile> themes, String method) {

    static final String METHOD = "Levels are 0-100 level points (a rubric mean of 1 is 0, 3 is 50, 5 is 100), "
            + "estimated by a recency-weighted Kalman filter over coach and peer ratings (self-ratings only when a theme "
            + "has no other); uncertainty is one standard deviation in level points; trend is the change in level over "
            + "the trend window. A level counts as established from 3 ratings and an uncertainty of 15 points or less.";
}
