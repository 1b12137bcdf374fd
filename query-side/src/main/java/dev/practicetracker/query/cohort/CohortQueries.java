package dev.practicetracker.query.cohort;

import dev.practicetracker.events.Theme;
import dev.practicetracker.query.cohort.CohortOverview.AtRisk;
import dev.practicetracker.query.cohort.CohortOverview.Cohort;
import dev.practicetracker.query.cohort.CohortOverview.Member;
import dev.practicetracker.query.cohort.CohortOverview.ThemeLevel;
import dev.practicetracker.query.cohort.CohortOverview.ThemeSpread;
import dev.practicetracker.query.cohort.CohortOverview.WeakTheme;
import dev.practicetracker.query.cohort.CohortOverview.Withdrawn;
import dev.practicetracker.query.profile.ProfileReader;
import dev.practicetracker.query.profile.SkillEstimate;
import dev.practicetracker.query.profile.SkillEstimator;
import dev.practicetracker.query.review.WaitingAnswers;
import dev.practicetracker.query.web.NotFound;
import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A cohort as its coach sees it, read from the stored roster and skill profiles.
 *
 * <p>The whole roster is read at once, even to answer one page of it: the theme statistics and the at-risk list are
 * about every enrolled candidate, and a cohort is a class of tens, not a table of millions. Four queries (the cohort,
 * its members' ratings, their answers waiting for a coach, its roster), whatever the cohort's size.
 */
@Component
class CohortQueries {

    static final int WEAKEST_THEMES = 3;

    private final JdbcClient jdbc;
    private final AtRiskRules rules;
    private final ProfileReader reader;
    private final WaitingAnswers waiting;

    CohortQueries(JdbcClient jdbc, AtRiskRules rules, ProfileReader reader, WaitingAnswers waiting) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.reader = reader;
        this.waiting = waiting;
    }

    /** Every enrolled candidate, assessed, ordered by candidate id; and who has withdrawn. */
    record Roster(Cohort cohort, List<Member> enrolled, List<Withdrawn> withdrawn) {}

    CohortOverview overview(String cohortId, int inactiveDays, PageRequest page, Instant now) {
        Roster roster = roster(cohortId, inactiveDays, now);
        List<Member> members = roster.enrolled();
        List<Member> items = members.subList(
                Math.min(page.offset(), members.size()), Math.min(page.offset() + page.size(), members.size()));
        List<ThemeSpread> themes = spreads(members);
        return new CohortOverview(
                roster.cohort(),
                now,
                inactiveDays,
                rules.fallingTrendLevelPoints(),
                rules.trendWindowDays(),
                members.size(),
                Page.of(List.copyOf(items), page, members.size()),
                themes,
                weakest(themes),
                members.stream()
                        .filter(Member::atRisk)
                        .map(member -> new AtRisk(member.candidateId(), member.reasons()))
                        .toList(),
                roster.withdrawn(),
                CohortOverview.METHOD);
    }

    Roster roster(String cohortId, int inactiveDays, Instant now) {
        Cohort cohort = cohort(cohortId);
        Map<String, Map<Theme, ThemeLevel>> levels = levels(cohortId, now);
        Map<String, Long> waitingByCandidate = waiting.byCandidate(cohortId);
        List<Member> enrolled = new ArrayList<>();
        List<Withdrawn> withdrawn = new ArrayList<>();
        jdbc.sql("""
                SELECT m.candidate_id, m.enrolled, m.enrolled_at, m.withdrawn_at, c.last_practised_at,
                       a.display_name
                  FROM qs_cohort_member m LEFT JOIN qs_candidate c ON c.candidate_id = m.candidate_id
                  LEFT JOIN qs_accounts a ON a.account_id = m.candidate_id
                 WHERE m.cohort_id = :cohort
                 ORDER BY m.candidate_id
                """).param("cohort", cohortId).query(rs -> {
            String candidateId = rs.getString("candidate_id");
            if (!rs.getBoolean("enrolled")) {
                withdrawn.add(new Withdrawn(candidateId, instant(rs.getTimestamp("withdrawn_at"))));
                return;
            }
            Instant enrolledAt = instant(rs.getTimestamp("enrolled_at"));
            Instant lastPractisedAt = instant(rs.getTimestamp("last_practised_at"));
            Map<Theme, ThemeLevel> byTheme = levels.getOrDefault(candidateId, Map.of());
            List<ThemeLevel> themes = new ArrayList<>();
            List<AtRiskRules.ThemeTrend> trends = new ArrayList<>();
            for (Theme theme : Theme.values()) {
                ThemeLevel level = byTheme.getOrDefault(
                        theme, new ThemeLevel(theme, null, false, null, null, SkillEstimator.BASIS_NONE));
                themes.add(level);
                trends.add(new AtRiskRules.ThemeTrend(theme, level.trend(), level.enoughEvidence()));
            }
            List<String> reasons = rules.reasons(enrolledAt, lastPractisedAt, trends, inactiveDays, now);
            enrolled.add(new Member(
                    candidateId,
                    rs.getString("display_name"),
                    enrolledAt,
                    lastPractisedAt,
                    themes,
                    !reasons.isEmpty(),
                    reasons,
                    waitingByCandidate.getOrDefault(candidateId, 0L)));
        });
        withdrawn.sort(Comparator.comparing(Withdrawn::withdrawnAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Withdrawn::candidateId));
        return new Roster(cohort, enrolled, withdrawn);
    }

    /** A coach's cohort with how many candidates are enrolled in it now. */
    record CoachCohort(String cohortId, String name, int enrolled, Instant createdAt) {}

    /** The cohorts {@code coachId} runs now, by name; the caller has checked the coach exists. */
    List<CoachCohort> cohortsOf(String coachId) {
        return jdbc.sql("""
                        SELECT c.cohort_id, c.name, c.created_at,
                               (SELECT COUNT(*) FROM qs_cohort_member m WHERE m.cohort_id = c.cohort_id AND m.enrolled)
                                   AS enrolled
                          FROM qs_cohort c
                         WHERE c.coach_id = :coach
                         ORDER BY c.name, c.cohort_id
                        """)
                .param("coach", coachId)
                .query((rs, i) -> new CoachCohort(
                        rs.getString("cohort_id"),
                        rs.getString("name"),
                        rs.getInt("enrolled"),
                        instant(rs.getTimestamp("created_at"))))
                .list();
    }

    private Cohort cohort(String cohortId) {
        return jdbc.sql("""
                        SELECT c.cohort_id, c.name, c.coach_id, a.display_name
                          FROM qs_cohort c LEFT JOIN qs_accounts a ON a.account_id = c.coach_id
                         WHERE c.cohort_id = :cohort
                        """)
                .param("cohort", cohortId)
                .query((rs, i) -> new Cohort(
                        rs.getString("cohort_id"),
                        rs.getString("name"),
                        rs.getString("coach_id"),
                        rs.getString("display_name")))
                .optional()
                .orElseThrow(() -> new NotFound("cohort", cohortId));
    }

    /**
     * Every enrolled candidate's level, evidence, trend and basis per theme as of {@code now}, read as the profile
     * endpoint reads them: the stored profiles may be minutes old (see {@code ProfileRefresher}).
     */
    private Map<String, Map<Theme, ThemeLevel>> levels(String cohortId, Instant now) {
        Map<String, Map<Theme, ThemeLevel>> levels = new HashMap<>();
        reader.estimatesInCohort(cohortId, now).forEach((candidate, byTheme) -> {
            Map<Theme, ThemeLevel> themes = new EnumMap<>(Theme.class);
            byTheme.forEach((theme, estimate) -> themes.put(theme, level(theme, estimate)));
            levels.put(candidate, themes);
        });
        return levels;
    }

    private static ThemeLevel level(Theme theme, SkillEstimate estimate) {
        return new ThemeLevel(
                theme,
                oneDecimal(estimate.level()),
                estimate.enoughEvidence(),
                oneDecimal(estimate.trend()),
                estimate.direction(),
                estimate.basis());
    }

    private static Double oneDecimal(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }

    /**
     * Per theme, the mean and population standard deviation of the levels that rest on coach and peer ratings; a
     * level from self-ratings alone is counted apart ({@code selfRatedOnly}), since it carries the candidate's own
     * unknown bias.
     */
    static List<ThemeSpread> spreads(List<Member> members) {
        List<ThemeSpread> spreads = new ArrayList<>();
        Theme[] themes = Theme.values();
        for (int t = 0; t < themes.length; t++) {
            List<Double> levels = new ArrayList<>();
            int selfRatedOnly = 0;
            for (Member member : members) {
                ThemeLevel level = member.themes().get(t);
                if (level.selfRatedOnly()) {
                    selfRatedOnly++;
                } else if (level.level() != null) {
                    levels.add(level.level());
                }
            }
            if (levels.isEmpty()) {
                spreads.add(new ThemeSpread(themes[t], themes[t].title(), 0, selfRatedOnly, null, null));
                continue;
            }
            double mean =
                    levels.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double variance = levels.stream()
                    .mapToDouble(level -> (level - mean) * (level - mean))
                    .average()
                    .orElseThrow();
            spreads.add(new ThemeSpread(
                    themes[t],
                    themes[t].title(),
                    levels.size(),
                    selfRatedOnly,
                    oneDecimal(mean),
                    oneDecimal(Math.sqrt(variance))));
        }
        return spreads;
    }

    /** The lowest means first; equal means in the order of {@link Theme#values()}, so the answer is stable. */
    static List<WeakTheme> weakest(List<ThemeSpread> spreads) {
        return spreads.stream()
                .filter(spread -> spread.mean() != null)
                .sorted(Comparator.comparingDouble(ThemeSpread::mean).thenComparing(ThemeSpread::theme))
                .limit(WEAKEST_THEMES)
                .map(spread -> new WeakTheme(spread.theme(), spread.title(), spread.mean()))
                .toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
