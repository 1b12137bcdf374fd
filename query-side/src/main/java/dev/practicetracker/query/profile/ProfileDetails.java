package dev.practicetracker.query.profile;

import dev.practicetracker.events.Theme;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a candidate's progress page shows beside the levels, from the same read model and the same estimator: the five
 * rubric criteria per theme, one readiness figure over every theme, and why a level moved a lot in one day.
 */
@Component
public class ProfileDetails {

    /** A day-to-day change of at least this many level points is a jump that the page explains. */
    static final double JUMP_POINTS = 15;
    /** Before a jump, this many ratings or fewer is "few": each new one still moves the level a lot. */
    static final int FEW_RATINGS = 3;
    /** Above this uncertainty (one standard deviation, level points) a level is not yet established. */
    static final double ESTABLISHED_UNCERTAINTY = 15;

    private final JdbcClient jdbc;
    private final ProfileQueries profiles;

    ProfileDetails(JdbcClient jdbc, ProfileQueries profiles) {
        this.jdbc = jdbc;
        this.profiles = profiles;
    }

    /** Means of each criterion over current ratings, on the rubric's 1 to 5 scale, and how many ratings they cover. */
    public record CriterionMeans(
            int ratings, double clarity, double reasoning, double technicalDepth, double structure, double impact) {}

    /** One theme's criteria: from coach and peer ratings, and from self-ratings, apart (null where there are none). */
    public record ThemeCriteria(Theme theme, String title, CriterionMeans coachAndPeer, CriterionMeans self) {}

    public record CriteriaReport(String candidateId, List<ThemeCriteria> themes, String method) {}

    public CriteriaReport criteria(String candidateId) {
        profiles.requireCandidate(candidateId);
        Map<Theme, CriterionMeans> others = new EnumMap<>(Theme.class);
        Map<Theme, CriterionMeans> self = new EnumMap<>(Theme.class);
        jdbc.sql("""
                SELECT theme, rater_role = 'self' AS self, COUNT(*) AS ratings, AVG(clarity) AS clarity,
                       AVG(reasoning) AS reasoning, AVG(technical_depth) AS technical_depth,
                       AVG(structure) AS structure, AVG(impact) AS impact
                  FROM qs_current_rating WHERE candidate_id = :candidate
                 GROUP BY theme, rater_role = 'self'
                """).param("candidate", candidateId).query(rs -> {
            CriterionMeans means = new CriterionMeans(
                    rs.getInt("ratings"),
                    twoDecimals(rs.getDouble("clarity")),
                    twoDecimals(rs.getDouble("reasoning")),
                    twoDecimals(rs.getDouble("technical_depth")),
                    twoDecimals(rs.getDouble("structure")),
                    twoDecimals(rs.getDouble("impact")));
            (rs.getBoolean("self") ? self : others).put(Theme.fromId(rs.getString("theme")), means);
        });
        List<ThemeCriteria> themes = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            if (others.containsKey(theme) || self.containsKey(theme)) {
                themes.add(new ThemeCriteria(theme, theme.title(), others.get(theme), self.get(theme)));
            }
        }
        return new CriteriaReport(
                candidateId,
                themes,
                "each criterion's mean over the current version of every rating in the theme, on the rubric's 1-5"
                        + " scale (1 weak, 5 strong); coach and peer ratings apart from self-ratings; themes without"
                        + " ratings are left out");
    }

    /**
     * @param readiness the mean level over every theme, in level points (0 to 100), a theme without a level counting 0
     * @param themes how many themes there are
     * @param themesWithLevel how many have a level
     * @param themesEstablished how many have an established level (uncertainty 15 points or less)
     * @param basis how the figure is computed, in words
     */
    public record Readiness(
            String candidateId,
            Instant asOf,
            double readiness,
            int themes,
            int themesWithLevel,
            int themesEstablished,
            String basis) {}

    /** Over every theme, since an interview can ask about any of them: breadth counts as much as a strong theme. */
    public Readiness readiness(String candidateId, Instant asOf) {
        CandidateProfile profile = profiles.profile(candidateId, asOf);
        double sum = 0;
        int withLevel = 0;
        int established = 0;
        for (ThemeProfile theme : profile.themes()) {
            if (theme.level() != null) {
                sum += theme.level();
                withLevel++;
                if (theme.enoughEvidence()) {
                    established++;
                }
            }
        }
        int count = profile.themes().size();
        return new Readiness(
                candidateId,
                profile.asOf(),
                Math.round(sum / count * 10) / 10.0,
                count,
                withLevel,
                established,
                "the mean of the levels of all " + count + " themes, in level points from 0 to 100 (a rubric mean of 1"
                        + " is 0, 3 is 50, 5 is 100); a theme without a level yet counts as 0, since an interview may"
                        + " ask about any of them");
    }

    /**
     * A day on which a theme's level moved by {@link #JUMP_POINTS} or more, with the level points before and after,
     * the ratings it rested on before that day and those of the day, and the reasons in words.
     */
    public record Jump(
            Theme theme,
            String title,
            LocalDate day,
            double from,
            double to,
            int ratingsBefore,
            int ratingsThatDay,
            String basisBefore,
            String basisAfter,
            List<String> reasons) {}

    public record JumpReport(String candidateId, List<Jump> jumps, String method) {}

    public JumpReport jumps(String candidateId) {
        profiles.requireCandidate(candidateId);
        record Day(
                Theme theme, LocalDate day, int ratings, double mean, Double level, double uncertainty, String basis) {}
        List<Day> days = jdbc.sql("""
                        SELECT theme, day, ratings, mean_score, level, uncertainty, basis FROM qs_progress_daily
                         WHERE candidate_id = :candidate ORDER BY theme, day
                        """)
                .param("candidate", candidateId)
                .query((rs, i) -> {
                    BigDecimal level = rs.getBigDecimal("level");
                    return new Day(
                            Theme.fromId(rs.getString("theme")),
                            rs.getDate("day").toLocalDate(),
                            rs.getInt("ratings"),
                            rs.getDouble("mean_score"),
                            level == null ? null : level.doubleValue(),
                            rs.getDouble("uncertainty"),
                            rs.getString("basis"));
                })
                .list();
        List<Jump> jumps = new ArrayList<>();
        Day previous = null;
        int ratingsBefore = 0;
        for (Day day : days) {
            if (previous == null || previous.theme() != day.theme()) {
                previous = null;
                ratingsBefore = 0;
            }
            if (previous != null
                    && previous.level() != null
                    && day.level() != null
                    && Math.abs(day.level() - previous.level()) >= JUMP_POINTS) {
                List<String> reasons = new ArrayList<>();
                if (ratingsBefore <= FEW_RATINGS) {
                    reasons.add("few ratings: before this day the level rested on " + ratingsBefore
                            + (ratingsBefore == 1 ? " rating" : " ratings") + ", so each new one still moves it a lot");
                }
                if (SkillEstimator.BASIS_SELF_ONLY.equals(previous.basis())
                        && SkillEstimator.BASIS_COACH_AND_PEER.equals(day.basis())) {
                    reasons.add("a coach or peer rating arrived and replaced a level that rested on self-ratings only");
                }
                if (previous.uncertainty() > ESTABLISHED_UNCERTAINTY) {
                    reasons.add("the level before was not yet established (± " + Math.round(previous.uncertainty())
                            + " points)");
                }
                if (day.ratings() >= FEW_RATINGS) {
                    reasons.add(day.ratings() + " ratings came in on this day");
                }
                reasons.add(String.format(
                        java.util.Locale.ROOT,
                        "this day's ratings averaged %.1f of 5 (level %d), against a level of %d before",
                        day.mean(),
                        Math.round((day.mean() - 1) * 25),
                        Math.round(previous.level())));
                jumps.add(new Jump(
                        day.theme(),
                        day.theme().title(),
                        day.day(),
                        previous.level(),
                        day.level(),
                        ratingsBefore,
                        day.ratings(),
                        previous.basis(),
                        day.basis(),
                        reasons));
            }
            ratingsBefore += day.ratings();
            previous = day;
        }
        return new JumpReport(
                candidateId,
                jumps,
                "a jump is a change of " + (int) JUMP_POINTS + " level points or more from one day with ratings to"
                        + " the next in a theme; its reasons come from the ratings before (" + FEW_RATINGS
                        + " or fewer is few), the ratings the level rested on before and after, the uncertainty"
                        + " before, and how far the day's ratings were from the level");
    }

    private static double twoDecimals(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
