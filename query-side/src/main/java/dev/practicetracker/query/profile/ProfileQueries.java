package dev.practicetracker.query.profile;

import dev.practicetracker.events.Theme;
import dev.practicetracker.query.processing.Candidates;
import dev.practicetracker.query.web.NotFound;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers questions about one candidate's skills, computed from the stored ratings as of the moment asked. */
@Component
public class ProfileQueries {

    private final JdbcClient jdbc;
    private final Candidates candidates;
    private final ProfileReader reader;
    private final PracticeScheduler scheduler;

    ProfileQueries(JdbcClient jdbc, Candidates candidates, ProfileReader reader, PracticeScheduler scheduler) {
        this.jdbc = jdbc;
        this.candidates = candidates;
        this.reader = reader;
        this.scheduler = scheduler;
    }

    @QueryHandler
    public CandidateProfile handle(FindSkillProfileQuery query) {
        return profile(query.candidateId(), Instant.now());
    }

    /** The profile as it stood at {@code asOf}, from the events up to then: answers given and ratings in force. */
    public CandidateProfile profile(String candidateId, Instant asOf) {
        requireCandidate(candidateId);
        Map<Theme, SkillEstimate> estimates = reader.estimates(candidateId, asOf);
        Map<Theme, AnswerStats> answers = answerStats(candidateId, asOf);
        List<ThemeProfile> themes = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            SkillEstimate estimate = estimates.get(theme);
            AnswerStats stats = answers.getOrDefault(theme, AnswerStats.NONE);
            themes.add(new ThemeProfile(
                    theme,
                    theme.title(),
                    stats.count(),
                    round(estimate.level()),
                    Math.round(estimate.uncertainty() * 10) / 10.0,
                    estimate.enoughEvidence(),
                    evidence(estimate),
                    round(estimate.trend()),
                    estimate.trendWindow().toDays(),
                    estimate.basis(),
                    estimate.byRole(),
                    stats.last(),
                    estimate.lastRatedAt()));
        }
        return new CandidateProfile(candidateId, asOf, themes, CandidateProfile.METHOD);
    }

    /** One point per UTC day with ratings: how many, their mean score (1 to 5) and the level at the end of the day. */
    public record ProgressPoint(
            Theme theme, LocalDate day, int ratings, double meanScore, Double level, double uncertainty) {}

    public List<ProgressPoint> progress(String candidateId, Theme theme, LocalDate from, LocalDate to) {
        requireCandidate(candidateId);
        return jdbc.sql("""
                        SELECT theme, day, ratings, mean_score, level, uncertainty FROM qs_progress_daily
                         WHERE candidate_id = :candidate
                           AND (CAST(:theme AS VARCHAR) IS NULL OR theme = :theme)
                           AND day BETWEEN :from AND :to
                         ORDER BY theme, day
                        """)
                .param("candidate", candidateId)
                .param("theme", theme == null ? null : theme.id())
                .param("from", from)
                .param("to", to)
                .query((rs, i) -> new ProgressPoint(
                        Theme.fromId(rs.getString("theme")),
                        rs.getDate("day").toLocalDate(),
                        rs.getInt("ratings"),
                        rs.getDouble("mean_score"),
                        decimal(rs.getBigDecimal("level")),
                        rs.getDouble("uncertainty")))
                .list();
    }

    /**
     * Self-assessment calibration in one theme: over answers that have both the candidate's self-rating and a
     * coach's rating (current versions), the mean of self minus coach, in rubric points (1 to 5 scale), with its 95%
     * interval; see {@link CalibrationGap}.
     */
    public record Calibration(Theme theme, int pairs, Double meanGap, String reading, Double low, Double high) {}

    /** Calibration per theme, and {@code overall} over every answer with both ratings, whatever the theme. */
    public record CalibrationReport(
            String candidateId, List<Calibration> themes, String method, CalibrationGap overall) {}

    public CalibrationReport calibration(String candidateId) {
        requireCandidate(candidateId);
        Map<Theme, List<Double>> gapsByTheme = new EnumMap<>(Theme.class);
        List<Double> allGaps = new ArrayList<>();
        jdbc.sql("""
                WITH current AS (
                    SELECT session_id, question_id, rater_role, theme, mean_score
                      FROM qs_current_rating WHERE candidate_id = :candidate)
                SELECT s.theme, s.mean_score - c.mean_score AS gap
                  FROM current s
                  JOIN (SELECT session_id, question_id, AVG(mean_score) AS mean_score
                          FROM current WHERE rater_role = 'coach' GROUP BY session_id, question_id) c
                    ON c.session_id = s.session_id AND c.question_id = s.question_id
                 WHERE s.rater_role = 'self'
                """).param("candidate", candidateId).query(rs -> {
            double gap = rs.getDouble("gap");
            gapsByTheme
                    .computeIfAbsent(Theme.fromId(rs.getString("theme")), theme -> new ArrayList<>())
                    .add(gap);
            allGaps.add(gap);
        });
        List<Calibration> themes = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            CalibrationGap gap = CalibrationGap.of(gapsByTheme.getOrDefault(theme, List.of()));
            themes.add(new Calibration(theme, gap.pairs(), gap.meanGap(), gap.reading(), gap.low(), gap.high()));
        }
        return new CalibrationReport(
                candidateId,
                themes,
                "meanGap = mean over answers of (self-rating - coach rating), each the mean of the five criteria on the"
                        + " 1-5 scale; positive means rating yourself higher than the coach does; low and high bound"
                        + " its 95% interval (Student's t); a reading names a bias only when that interval excludes"
                        + " zero; overall pools the answers of every theme",
                CalibrationGap.of(allGaps));
    }

    public record NextPractice(String candidateId, Instant now, List<PracticeRecommendation> themes) {}

    /** Every theme ranked by what to practise next, spaced like a spaced-repetition deck, with the reason. */
    public NextPractice next(String candidateId, Instant now) {
        requireCandidate(candidateId);
        Map<Theme, SkillEstimate> estimates = reader.estimates(candidateId, now);
        Map<Theme, List<PracticeAttempt>> attempts = attempts(candidateId);
        List<ThemeHistory> histories = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            histories.add(new ThemeHistory(theme, attempts.getOrDefault(theme, List.of()), estimates.get(theme)));
        }
        return new NextPractice(candidateId, now, scheduler.recommend(histories, now));
    }

    /** Each answer with the best available judgement of it: the coach's mean, else a peer's, else the self-rating. */
    private Map<Theme, List<PracticeAttempt>> attempts(String candidateId) {
        Map<Theme, List<PracticeAttempt>> byTheme = new EnumMap<>(Theme.class);
        jdbc.sql("""
                WITH current AS (
                    SELECT session_id, question_id, rater_role, mean_score
                      FROM qs_current_rating WHERE candidate_id = :candidate)
                SELECT a.theme, a.answered_at,
                       COALESCE(
                         (SELECT AVG(mean_score) FROM current c WHERE c.session_id = a.session_id
                             AND c.question_id = a.question_id AND c.rater_role = 'coach'),
                         (SELECT AVG(mean_score) FROM current c WHERE c.session_id = a.session_id
                             AND c.question_id = a.question_id AND c.rater_role = 'peer'),
                         (SELECT AVG(mean_score) FROM current c WHERE c.session_id = a.session_id
                             AND c.question_id = a.question_id AND c.rater_role = 'self')) AS score
                  FROM qs_answer a WHERE a.candidate_id = :candidate
                 ORDER BY a.answered_at
                """).param("candidate", candidateId).query(rs -> {
            BigDecimal score = rs.getBigDecimal("score");
            byTheme.computeIfAbsent(Theme.fromId(rs.getString("theme")), theme -> new ArrayList<>())
                    .add(new PracticeAttempt(
                            rs.getTimestamp("answered_at").toInstant(), score == null ? null : score.doubleValue()));
        });
        return byTheme;
    }

    private record AnswerStats(int count, Instant last) {
        static final AnswerStats NONE = new AnswerStats(0, null);
    }

    private Map<Theme, AnswerStats> answerStats(String candidateId, Instant asOf) {
        Map<Theme, AnswerStats> stats = new EnumMap<>(Theme.class);
        jdbc.sql("""
                SELECT theme, COUNT(*) AS answers, MAX(answered_at) AS last FROM qs_answer
                 WHERE candidate_id = :candidate AND answered_at <= :asOf GROUP BY theme
                """)
                .param("candidate", candidateId)
                .param("asOf", Timestamp.from(asOf))
                .query(rs -> {
                    stats.put(
                            Theme.fromId(rs.getString("theme")),
                            new AnswerStats(
                                    rs.getInt("answers"),
                                    rs.getTimestamp("last").toInstant()));
                });
        return stats;
    }

    void requireCandidate(String candidateId) {
        if (!candidates.exists(candidateId)) {
            throw new NotFound("candidate", candidateId);
        }
    }

    private static String evidence(SkillEstimate estimate) {
        if (estimate.level() == null) {
            return "not enough evidence yet: no ratings";
        }
        if (!estimate.enoughEvidence()) {
            return "not enough evidence yet: " + estimate.ratingsCounted() + " rating(s), ±"
                    + Math.round(estimate.uncertainty()) + " level points (needs ±"
                    + Math.round(SkillEstimator.MAX_UNCERTAINTY_FOR_EVIDENCE_LEVEL_POINTS) + " or less)";
        }
        return "established: " + estimate.ratingsCounted() + " ratings, ±" + Math.round(estimate.uncertainty())
                + " level points";
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }

    private static Double decimal(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
