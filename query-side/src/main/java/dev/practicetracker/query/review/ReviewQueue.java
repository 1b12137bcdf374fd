package dev.practicetracker.query.review;

import dev.practicetracker.events.Theme;
import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The answers a coach owes a rating: given in a coach-reviewed session of a cohort the coach runs now, by a candidate
 * still enrolled in it, and not yet rated by any coach. Oldest first, because the longer an answer waits the less the
 * candidate learns from its feedback.
 *
 * <p>Any coach rating takes the answer off the queue, including one by the cohort's previous coach, and revisions only
 * ever follow a first rating, so they change nothing here. Self and peer ratings do not count: the session asked for a
 * coach.
 */
@Component
class ReviewQueue {

    /** The queue's rows; the cohort join uses the answer's own cohort id, which is indexed with the answer time. */
    static final String PENDING_FROM = """
              FROM qs_answer a
              JOIN qs_cohort c ON c.cohort_id = a.cohort_id
              JOIN qs_session s ON s.session_id = a.session_id
              JOIN qs_cohort_member m ON m.cohort_id = a.cohort_id AND m.candidate_id = a.candidate_id
            """;

    /** What makes an answer wait, whichever coach runs its cohort. */
    static final String WAITING = """
                   s.mode = 'coach'
               AND m.enrolled
               AND NOT EXISTS (SELECT 1 FROM qs_rating r
                                WHERE r.session_id = a.session_id AND r.question_id = a.question_id
                                  AND r.rater_role = 'coach')
            """;

    private static final String PENDING_WHERE = " WHERE c.coach_id = :coach AND " + WAITING;

    private final JdbcClient jdbc;

    ReviewQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which of the queue to show: only one candidate's answers, only one theme's, only answers given before {@code
     * answeredBefore}; each null for all.
     */
    record Filter(String candidateId, Theme theme, Instant answeredBefore) {

        /** The filter's conditions, each a no-op when its parameter is null. */
        static final String WHERE = """
                   AND (CAST(:candidate AS VARCHAR) IS NULL OR a.candidate_id = :candidate)
                   AND (CAST(:theme AS VARCHAR) IS NULL OR a.theme = :theme)
                   AND (CAST(:before AS TIMESTAMPTZ) IS NULL OR a.answered_at < :before)
                """;

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            return statement
                    .param("candidate", candidateId)
                    .param("theme", theme == null ? null : theme.id())
                    .param("before", answeredBefore == null ? null : java.sql.Timestamp.from(answeredBefore));
        }
    }

    /**
     * One page of {@code coachId}'s queue as it stands at {@code now}, narrowed by {@code filter}; the caller has
     * checked the coach exists. Each answer carries the candidate's own current rating of it, if they gave one.
     */
    Page<ReviewItem> pending(String coachId, Filter filter, PageRequest page, Instant now) {
        long total = filter.bind(jdbc.sql("SELECT COUNT(*)" + PENDING_FROM + PENDING_WHERE + Filter.WHERE)
                        .param("coach", coachId))
                .query(Long.class)
                .single();
        List<ReviewItem> items = filter.bind(jdbc.sql("""
                SELECT a.session_id, a.question_id, a.candidate_id, p.display_name AS candidate_name, a.cohort_id,
                       c.name AS cohort_name, a.theme,
                       COALESCE(sq.prompt, q.prompt) AS prompt, q.strong_answer, a.answer, a.time_spent_seconds,
                       a.answered_at, sr.clarity, sr.reasoning, sr.technical_depth, sr.structure, sr.impact,
                       sr.mean_score, sr.comment AS self_comment
                """ + PENDING_FROM + """
                  LEFT JOIN qs_session_question sq ON sq.session_id = a.session_id AND sq.question_id = a.question_id
                  LEFT JOIN qs_question q ON q.question_id = a.question_id
                  LEFT JOIN qs_accounts p ON p.account_id = a.candidate_id
                  LEFT JOIN qs_current_rating sr ON sr.candidate_id = a.candidate_id AND sr.session_id = a.session_id
                        AND sr.question_id = a.question_id AND sr.rater_id = a.candidate_id AND sr.rater_role = 'self'
                """ + PENDING_WHERE + Filter.WHERE + """
                 ORDER BY a.answered_at, a.session_id, a.question_id
                 LIMIT :limit OFFSET :offset
                """)
                        .param("coach", coachId)
                        .param("limit", page.size())
                        .param("offset", page.offset()))
                .query((rs, i) -> {
                    Instant answeredAt = rs.getTimestamp("answered_at").toInstant();
                    Duration waited = Duration.between(answeredAt, now);
                    if (waited.isNegative()) {
                        // An answer stamped a little ahead of this server's clock has not waited yet.
                        waited = Duration.ZERO;
                    }
                    return new ReviewItem(
                            rs.getString("session_id"),
                            rs.getString("question_id"),
                            rs.getString("candidate_id"),
                            rs.getString("candidate_name"),
                            rs.getString("cohort_id"),
                            rs.getString("cohort_name"),
                            Theme.fromId(rs.getString("theme")),
                            rs.getString("prompt"),
                            rs.getString("strong_answer"),
                            rs.getString("answer"),
                            rs.getInt("time_spent_seconds"),
                            answeredAt,
                            waited.toSeconds(),
                            Waiting.describe(waited),
                            selfRating(rs));
                })
                .list();
        return Page.of(items, page, total);
    }

    private static ReviewItem.SelfRating selfRating(java.sql.ResultSet rs) throws java.sql.SQLException {
        if (rs.getBigDecimal("mean_score") == null) {
            return null;
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        scores.put("clarity", rs.getInt("clarity"));
        scores.put("reasoning", rs.getInt("reasoning"));
        scores.put("technical-depth", rs.getInt("technical_depth"));
        scores.put("structure", rs.getInt("structure"));
        scores.put("impact", rs.getInt("impact"));
        return new ReviewItem.SelfRating(
                scores, rs.getBigDecimal("mean_score").doubleValue(), rs.getString("self_comment"));
    }

    /** How many answers wait in one cohort, and since when the oldest has; null when none waits. */
    record Backlog(String cohortId, long waiting, Instant oldestAnsweredAt) {}

    /** The backlog of every cohort, those with nothing waiting included, for the queue's gauges. */
    List<Backlog> backlogs() {
        return jdbc.sql("""
                SELECT c.cohort_id, COUNT(w.answered_at) AS waiting, MIN(w.answered_at) AS oldest
                  FROM qs_cohort c
                  LEFT JOIN (SELECT a.cohort_id, a.answered_at
                """ + PENDING_FROM + " WHERE " + WAITING + """
                            ) w ON w.cohort_id = c.cohort_id
                 GROUP BY c.cohort_id
                """)
                .query((rs, i) -> new Backlog(
                        rs.getString("cohort_id"),
                        rs.getLong("waiting"),
                        rs.getTimestamp("oldest") == null
                                ? null
                                : rs.getTimestamp("oldest").toInstant()))
                .list();
    }
}
