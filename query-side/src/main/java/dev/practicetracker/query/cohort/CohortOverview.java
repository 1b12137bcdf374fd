package dev.practicetracker.query.cohort;

import dev.practicetracker.events.Theme;
import dev.practicetracker.query.profile.SkillEstimator;
import dev.practicetracker.query.web.Page;
import java.time.Instant;
import java.util.List;

/**
 * What a coach needs to see of a cohort at a glance, as of {@code asOf}. Levels, means and spreads are in level points
 * (0 to 100, see {@code SkillEstimator}); trends are the change in level points over {@code trendWindowDays}.
 *
 * @param enrolled how many candidates are enrolled now; the roster pages through them, ordered by candidate id
 * @param themes every theme with its mean and spread across the enrolled candidates who have a level in it
 * @param weakestThemes up to three themes with the lowest mean, lowest first, among themes where someone has a level
 * @param atRisk every enrolled candidate at risk (not just those on this roster page), ordered by candidate id
 * @param withdrawn candidates who left the cohort, most recent first; they count in nothing else here
 */
record CohortOverview(
        Cohort cohort,
        Instant asOf,
        int inactiveDays,
        double fallingTrendLevelPoints,
        long trendWindowDays,
        int enrolled,
        Page<Member> roster,
        List<ThemeSpread> themes,
        List<WeakTheme> weakestThemes,
        List<AtRisk> atRisk,
        List<Withdrawn> withdrawn,
        String method) {

    static final String METHOD =
            "Levels are each candidate's level per theme in 0-100 level points as of asOf, the same"
                    + " as their own profile shows (uncertainty grows while they do not practise). mean and spread are the mean"
                    + " and the population standard deviation, in level points, over the enrolled candidates whose level in the"
                    + " theme rests on coach and peer ratings, provisional levels included; a level from self-ratings alone"
                    + " (basis \"self-ratings only\") is left out of them and counted in selfRatedOnly. A candidate is at risk after inactiveDays whole days without"
                    + " practice since enrolling, or when a level with enough evidence fell by fallingTrendLevelPoints or"
                    + " more over the trend window.";

    /** {@code coachName} is the coach's display name, null before their account is known here. */
    record Cohort(String cohortId, String name, String coachId, String coachName) {}

    /**
     * One enrolled candidate. {@code lastPractisedAt} is their latest answer anywhere, null when they have never
     * answered; {@code displayName} null before their account is known here; {@code themes} has every theme, in the same order as the overview's;
     * {@code waitingForCoach} how many of their answers in this cohort wait for a coach's rating (as in the coach's
     * review queue).
     */
    record Member(
            String candidateId,
            String displayName,
            Instant enrolledAt,
            Instant lastPractisedAt,
            List<ThemeLevel> themes,
            boolean atRisk,
            List<String> reasons,
            long waitingForCoach) {}

    /**
     * {@code level} and {@code trend} in level points, each null when unknown; {@code basis} which ratings the level
     * rests on, as in the candidate's profile ({@code "coach and peer ratings"}, {@code "self-ratings only"} or
     * {@code "no ratings yet"}); {@code direction} which way the level went over the trend window ({@code "rising"},
     * {@code "falling"} or {@code "flat"}, beyond the level's own noise, as {@code SkillEstimate.direction} decides),
     * null when there is no trend.
     */
    record ThemeLevel(Theme theme, Double level, boolean enoughEvidence, Double trend, String direction, String basis) {

        boolean selfRatedOnly() {
            return SkillEstimator.BASIS_SELF_ONLY.equals(basis);
        }
    }

    /**
     * {@code mean} and {@code spread} in level points over the {@code candidatesWithLevel} enrolled candidates whose
     * level rests on coach and peer ratings, null when there is none; {@code selfRatedOnly} candidates have a level
     * from self-ratings alone, which is not in them.
     */
    record ThemeSpread(
            Theme theme, String title, int candidatesWithLevel, int selfRatedOnly, Double mean, Double spread) {}

    /** {@code mean} in level points. */
    record WeakTheme(Theme theme, String title, double mean) {}

    record AtRisk(String candidateId, List<String> reasons) {}

    record Withdrawn(String candidateId, Instant withdrawnAt) {}
}
