package dev.practicetracker.query.review;

import dev.practicetracker.events.Theme;
import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    private static final String PENDING_FROM = """
              FROM qs_answer a
              JOIN qs_cohort c ON c.cohort_id = a.cohort_id
              JOIN qs_session s ON s.session_id = a.session_id
              JOIN qs_cohort_member m ON m.cohort_id = a.cohort_id AND m.candidate_id = a.candidate_id
            """;

    /** What makes an answer wait, whichever coach runs its cohort. */
    private static final String WAITING = """
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

    /** One page of {@code coachId}'s queue as it stands at {@code now}; the caller has checked the coach exists. */
    Page<ReviewItem> pending(String coachId, PageRequest page, Instant now) {
        long total = jdbc.sql("SELECT COUNT(*)" + PENDING_FROM + PENDING_WHERE)
                .param("coach", coachId)
                .query(Long.class)
                .single();
        List<ReviewItem> items = jdbc.sql("""
                SELECT a.session_id, a.question_id, a.candidate_id, p.display_name AS candidate_name, a.cohort_id,
                       c.name AS cohort_name, a.theme,
                       COALESCE(sq.prompt, q.prompt) AS prompt, q.strong_answer, a.answer, a.time_spent_seconds,
                       a.answered_at
                """ + PENDING_FROM + """
                  LEFT JOIN qs_session_question sq ON sq.session_id = a.session_id AND sq.question_id = a.question_id
                  LEFT JOIN qs_question q ON q.question_id = a.question_id
                  LEFT JOIN qs_accounts p ON p.account_id = a.candidate_id
                """ + PENDING_WHERE + """
                 ORDER BY a.answered_at, a.session_id, a.question_id
                 LIMIT :limit OFFSET :offset
                """)
                .param("coach", coachId)
                .param("limit", page.size())
                .param("offset", page.offset())
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
                            Waiting.describe(waited));
                })
                .list();
        return Page.of(items, page, total);
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
