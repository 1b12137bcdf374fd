package dev.practicetracker.query.profile;

import java.time.Instant;
import java.util.List;

/** A candidate's skill profile as of an instant, one entry per theme, with how the numbers were computed. */
public record CandidateProfile(String candidateId, Instant asOf, List<ThemeProfile> themes, String method) {

    static final String METHOD = "Levels are 0-100 level points (a rubric mean of 1 is 0, 3 is 50, 5 is 100), "
            + "estimated by a Kalman filter that follows a changing level and its rate of change, from coach and peer "
            + "ratings and from self-ratings corrected by the candidate's own measured bias (self-ratings alone only when "
            + "a theme has no other); uncertainty is one standard deviation in level points (the truth lies within ±1 of "
            + "it about 68% of the time, within ±2 about 95%); trend is the change in level over the trend window. A "
            + "level counts as established once its uncertainty is 15 points or less.";
}
