package dev.practicetracker.query.session;

import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.RubricScores;
import dev.practicetracker.events.Theme;
import dev.practicetracker.query.processing.Candidates;
import dev.practicetracker.query.web.NotFound;
import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A candidate's sessions with everything in them. A page of sessions is read with a fixed number of queries (the
 * sessions, then their questions, answers and current ratings, one query each), however many sessions it holds.
 */
@Component
class SessionQueries {

    private static final Comparator<SessionView.Rating> RATING_ORDER = Comparator.comparing(
                    SessionView.Rating::raterRole)
            .thenComparing(SessionView.Rating::ratedAt)
            .thenComparing(SessionView.Rating::raterId);

    private final JdbcClient jdbc;
    private final Candidates candidates;

    SessionQueries(JdbcClient jdbc, Candidates candidates) {
        this.jdbc = jdbc;
        this.candidates = candidates;
    }

    /** The candidate's sessions, newest first. */
    Page<SessionView> sessions(String candidateId, PageRequest page) {
        requireCandidate(candidateId);
        long total = jdbc.sql("SELECT COUNT(*) FROM qs_session WHERE candidate_id = :candidate")
                .param("candidate", candidateId)
                .query(Long.class)
                .single();
        List<SessionRow> rows = jdbc.sql("""
                        SELECT session_id, candidate_id, cohort_id, mode, status, planned_count, started_at, ended_at,
                               end_reason
                          FROM qs_session WHERE candidate_id = :candidate
                         ORDER BY started_at DESC, session_id DESC
                         LIMIT :limit OFFSET :offset
                        """)
                .param("candidate", candidateId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(SessionQueries::sessionRow)
                .list();
        return Page.of(withContents(rows), page, total);
    }

    SessionView session(String sessionId) {
        SessionRow row = jdbc.sql("""
                        SELECT session_id, candidate_id, cohort_id, mode, status, planned_count, started_at, ended_at,
                               end_reason
                          FROM qs_session WHERE session_id = :id
                        """)
                .param("id", sessionId)
                .query(SessionQueries::sessionRow)
                .optional()
                .orElseThrow(() -> new NotFound("session", sessionId));
        return withContents(List.of(row)).get(0);
    }

    void requireCandidate(String candidateId) {
        if (!candidates.exists(candidateId)) {
            throw new NotFound("candidate", candidateId);
        }
    }

    private List<SessionView> withContents(List<SessionRow> sessions) {
        if (sessions.isEmpty()) {
            return List.of();
        }
        List<String> ids = sessions.stream().map(SessionRow::sessionId).toList();
        Map<String, List<QuestionRow>> questions = new HashMap<>();
        jdbc.sql("""
                SELECT session_id, position, question_id, theme, difficulty, prompt FROM qs_session_question
                 WHERE session_id IN (:ids) ORDER BY session_id, position
                """).param("ids", ids).query(rs -> {
            questions
                    .computeIfAbsent(rs.getString("session_id"), id -> new ArrayList<>())
                    .add(new QuestionRow(
                            rs.getInt("position"),
                            rs.getString("question_id"),
                            Theme.fromId(rs.getString("theme")),
                            Difficulty.fromId(rs.getString("difficulty")),
                            rs.getString("prompt")));
        });
        Map<AnswerKey, SessionView.Answer> answers = new HashMap<>();
        jdbc.sql("""
                SELECT session_id, question_id, answer, time_spent_seconds, answered_at FROM qs_answer
                 WHERE session_id IN (:ids)
                """).param("ids", ids).query(rs -> {
            answers.put(
                    new AnswerKey(rs.getString("session_id"), rs.getString("question_id")),
                    new SessionView.Answer(
                            rs.getString("answer"), rs.getInt("time_spent_seconds"), instant(rs, "answered_at")));
        });
        Map<AnswerKey, List<SessionView.Rating>> ratings = currentRatings(ids);

        List<SessionView> views = new ArrayList<>(sessions.size());
        for (SessionRow session : sessions) {
            List<SessionView.Question> asked = new ArrayList<>();
            int answered = 0;
            long timeSpent = 0;
            for (QuestionRow question : questions.getOrDefault(session.sessionId(), List.of())) {
                AnswerKey key = new AnswerKey(session.sessionId(), question.questionId());
                SessionView.Answer answer = answers.get(key);
                if (answer != null) {
                    answered++;
                    timeSpent += answer.timeSpentSeconds();
                }
                List<SessionView.Rating> current = new ArrayList<>(ratings.getOrDefault(key, List.of()));
                current.sort(RATING_ORDER);
                asked.add(new SessionView.Question(
                        question.position(),
                        question.questionId(),
                        question.theme(),
                        question.difficulty(),
                        question.prompt(),
                        answer,
                        current));
            }
            views.add(new SessionView(
                    session.sessionId(),
                    session.candidateId(),
                    session.cohortId(),
                    session.mode(),
                    session.status(),
                    session.startedAt(),
                    session.endedAt(),
                    session.endReason(),
                    session.plannedCount(),
                    answered,
                    timeSpent,
                    asked));
        }
        return views;
    }

    /**
     * Each rater's latest version of their rating of each answer, with when the first version was given: the table
     * keeps every version so that past profiles can be recomputed, but a session shows only the rating in force.
     */
    private Map<AnswerKey, List<SessionView.Rating>> currentRatings(List<String> ids) {
        Map<AnswerKey, List<SessionView.Rating>> ratings = new HashMap<>();
        jdbc.sql("""
                SELECT session_id, question_id, rater_id, rater_role, clarity, reasoning, technical_depth, structure,
                       impact, mean_score, comment, effective_at, revision, first_rated_at
                  FROM qs_current_rating
                 WHERE session_id IN (:ids)
                """).param("ids", ids).query(rs -> {
            boolean revised = rs.getBoolean("revision");
            RubricScores scores = new RubricScores(
                    rs.getInt("clarity"),
                    rs.getInt("reasoning"),
                    rs.getInt("technical_depth"),
                    rs.getInt("structure"),
                    rs.getInt("impact"));
            ratings.computeIfAbsent(
                            new AnswerKey(rs.getString("session_id"), rs.getString("question_id")),
                            key -> new ArrayList<>())
                    .add(new SessionView.Rating(
                            rs.getString("rater_id"),
                            RaterRole.fromId(rs.getString("rater_role")),
                            scores.asMap(),
                            rs.getBigDecimal("mean_score").doubleValue(),
                            rs.getString("comment"),
                            instant(rs, "first_rated_at"),
                            revised ? instant(rs, "effective_at") : null));
        });
        return ratings;
    }

    private record SessionRow(
            String sessionId,
            String candidateId,
            String cohortId,
            ReviewMode mode,
            String status,
            int plannedCount,
            Instant startedAt,
            Instant endedAt,
            String endReason) {}

    private record QuestionRow(int position, String questionId, Theme theme, Difficulty difficulty, String prompt) {}

    private record AnswerKey(String sessionId, String questionId) {}

    private static SessionRow sessionRow(ResultSet rs, int row) throws SQLException {
        return new SessionRow(
                rs.getString("session_id"),
                rs.getString("candidate_id"),
                rs.getString("cohort_id"),
                ReviewMode.fromId(rs.getString("mode")),
                rs.getString("status"),
                rs.getInt("planned_count"),
                instant(rs, "started_at"),
                instant(rs, "ended_at"),
                rs.getString("end_reason"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
