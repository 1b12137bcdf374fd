package dev.practicetracker.query.session;

import dev.practicetracker.query.web.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A candidate's whole history as CSV, one record per answered question, with the current ratings summed up per role.
 * Rows go to the writer as the database hands them over: the PostgreSQL driver only fetches in batches (rather than
 * the whole result at once) inside a transaction with a fetch size, so the export runs in a read-only one.
 */
@Component
class HistoryExport {

    static final List<String> HEADER = List.of(
            "session_id",
            "session_started_at",
            "theme",
            "question_id",
            "prompt",
            "answered_at",
            "time_spent_seconds",
            "answer",
            "self_mean_score",
            "peer_mean_score",
            "coach_mean_score",
            "comments");

    private static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    HistoryExport(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(streaming);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Writes the header, then the rows oldest session first, questions in the order asked. Mean scores are the mean,
     * over the role's raters, of each rater's current mean score, to 2 decimals (empty when the role has not rated);
     * comments are every current comment as {@code role: comment}, self then peer then coach, joined by {@code  | }.
     */
    void write(String candidateId, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.record(HEADER);
        try {
            readOnly.executeWithoutResult(status -> jdbc.sql("""
                    WITH summary AS (
                        SELECT session_id, question_id,
                               ROUND(AVG(mean_score) FILTER (WHERE rater_role = 'self'), 2) AS self_mean,
                               ROUND(AVG(mean_score) FILTER (WHERE rater_role = 'peer'), 2) AS peer_mean,
                               ROUND(AVG(mean_score) FILTER (WHERE rater_role = 'coach'), 2) AS coach_mean,
                               STRING_AGG(rater_role || ': ' || comment, ' | '
                                          ORDER BY CASE rater_role WHEN 'self' THEN 0 WHEN 'peer' THEN 1 ELSE 2 END,
                                                   effective_at, rater_id)
                                   FILTER (WHERE comment IS NOT NULL AND comment <> '') AS comments
                          FROM qs_current_rating WHERE candidate_id = :candidate GROUP BY session_id, question_id)
                    SELECT a.session_id, s.started_at, a.theme, a.question_id, q.prompt, a.answered_at,
                           a.time_spent_seconds, a.answer, r.self_mean, r.peer_mean, r.coach_mean, r.comments
                      FROM qs_answer a
                      JOIN qs_session s ON s.session_id = a.session_id
                      LEFT JOIN qs_session_question q ON q.session_id = a.session_id AND q.question_id = a.question_id
                      LEFT JOIN summary r ON r.session_id = a.session_id AND r.question_id = a.question_id
                     WHERE a.candidate_id = :candidate
                     ORDER BY s.started_at, a.session_id, q.position, a.answered_at
                    """)
                    .param("candidate", candidateId)
                    .query(rs -> {
                        try {
                            csv.record(row(rs));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    private static List<String> row(ResultSet rs) throws SQLException {
        return List.of(
                rs.getString("session_id"),
                text(SessionQueries.instant(rs, "started_at")),
                rs.getString("theme"),
                rs.getString("question_id"),
                text(rs.getString("prompt")),
                text(SessionQueries.instant(rs, "answered_at")),
                Integer.toString(rs.getInt("time_spent_seconds")),
                rs.getString("answer"),
                text(rs.getBigDecimal("self_mean")),
                text(rs.getBigDecimal("peer_mean")),
                text(rs.getBigDecimal("coach_mean")),
                text(rs.getString("comments")));
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
