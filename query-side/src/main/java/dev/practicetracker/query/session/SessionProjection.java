package dev.practicetracker.query.session;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.PersonalData;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.RubricScores;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.account.PersonErasedEvent;
import dev.practicetracker.events.session.AnswerRatedEvent;
import dev.practicetracker.events.session.AnswerRatingRevisedEvent;
import dev.practicetracker.events.session.PlannedQuestion;
import dev.practicetracker.events.session.QuestionAnsweredEvent;
import dev.practicetracker.events.session.SessionAbandonedEvent;
import dev.practicetracker.events.session.SessionCompletedEvent;
import dev.practicetracker.events.session.SessionExpiredEvent;
import dev.practicetracker.events.session.SessionStartedEvent;
import dev.practicetracker.query.processing.Candidates;
import dev.practicetracker.query.processing.ReadModels;
import dev.practicetracker.query.processing.SavepointPerEvent;
import dev.practicetracker.query.profile.ProfileUpdater;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Sessions with their questions, answers and every version of every rating; each change refreshes the profile. */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
class SessionProjection extends SavepointPerEvent {

    private final JdbcClient jdbc;
    /** For a session's questions, inserted as one batch, which JdbcClient does not offer. */
    private final NamedParameterJdbcTemplate batches;

    private final Candidates candidates;
    private final ProfileUpdater profiles;

    SessionProjection(
            PlatformTransactionManager transactions,
            JdbcClient jdbc,
            NamedParameterJdbcTemplate batches,
            Candidates candidates,
            ProfileUpdater profiles) {
        super(transactions);
        this.jdbc = jdbc;
        this.batches = batches;
        this.candidates = candidates;
        this.profiles = profiles;
    }

    @EventHandler
    void on(SessionStartedEvent event) {
        candidates.seen(event.candidateId(), event.startedAt());
        jdbc.sql("""
                INSERT INTO qs_session (session_id, candidate_id, cohort_id, mode, status, planned_count, started_at,
                                        last_activity_at)
                VALUES (:id, :candidate, :cohort, :mode, 'in-progress', :planned, :at, :at)
                ON CONFLICT (session_id) DO NOTHING
                """)
                .param("id", event.sessionId().value())
                .param("candidate", event.candidateId().value())
                .param("cohort", idOrNull(event.cohortId()))
                .param("mode", event.mode().id())
                .param("planned", event.questions().size())
                .param("at", Timestamp.from(event.startedAt()))
                .update();
        List<PlannedQuestion> questions = event.questions();
        SqlParameterSource[] rows = new SqlParameterSource[questions.size()];
        for (int i = 0; i < questions.size(); i++) {
            PlannedQuestion question = questions.get(i);
            rows[i] = new SimplePropertySqlParameterSource(new QuestionRow(
                    event.sessionId().value(),
                    i + 1,
                    question.questionId().value(),
                    question.theme().id(),
                    question.difficulty().id(),
                    question.prompt()));
        }
        batches.batchUpdate("""
                INSERT INTO qs_session_question (session_id, position, question_id, theme, difficulty, prompt)
                VALUES (:session, :position, :question, :theme, :difficulty, :prompt)
                ON CONFLICT (session_id, question_id) DO NOTHING
                """, rows);
    }

    @EventHandler
    void on(QuestionAnsweredEvent event) {
        jdbc.sql("""
                INSERT INTO qs_answer (session_id, question_id, candidate_id, cohort_id, theme, answer,
                                       time_spent_seconds, answered_at)
                VALUES (:session, :question, :candidate, :cohort, :theme, :answer, :spent, :at)
                ON CONFLICT (session_id, question_id) DO NOTHING
                """)
                .param("session", event.sessionId().value())
                .param("question", event.questionId().value())
                .param("candidate", event.candidateId().value())
                .param("cohort", idOrNull(event.cohortId()))
                .param("theme", event.theme().id())
                .param("answer", event.answer())
                .param("spent", event.timeSpentSeconds())
                .param("at", Timestamp.from(event.answeredAt()))
                .update();
        touch(event.sessionId(), event.answeredAt());
        candidates.practised(event.candidateId(), event.answeredAt());
        profiles.refresh(event.candidateId(), event.theme(), event.answeredAt());
    }

    @EventHandler
    void on(AnswerRatedEvent event, @MessageIdentifier String eventId) {
        recordRating(
                eventId,
                event.sessionId(),
                event.questionId(),
                event.raterId(),
                event.raterRole(),
                event.candidateId(),
                event.cohortId(),
                event.theme(),
                event.scores(),
                event.comment(),
                event.ratedAt(),
                false);
    }

    @EventHandler
    void on(AnswerRatingRevisedEvent event, @MessageIdentifier String eventId) {
        recordRating(
                eventId,
                event.sessionId(),
                event.questionId(),
                event.raterId(),
                event.raterRole(),
                event.candidateId(),
                event.cohortId(),
                event.theme(),
                event.scores(),
                event.comment(),
                event.revisedAt(),
                true);
    }

    @SuppressWarnings("java:S107") // one parameter per column of a rating version
    private void recordRating(
            String eventId,
            SessionId sessionId,
            QuestionId questionId,
            PersonId raterId,
            RaterRole role,
            CandidateId candidateId,
            CohortId cohortId,
            Theme theme,
            RubricScores scores,
            String comment,
            Instant effectiveAt,
            boolean revision) {
        jdbc.sql("""
                INSERT INTO qs_rating (event_id, session_id, question_id, rater_id, rater_role, candidate_id, cohort_id,
                                       theme, clarity, reasoning, technical_depth, structure, impact, mean_score,
                                       comment, answered_at, effective_at, revision)
                SELECT :eventId, :session, :question, :rater, :role, :candidate, :cohort, :theme, :clarity, :reasoning,
                       :depth, :structure, :impact, :mean, :comment,
                       COALESCE((SELECT answered_at FROM qs_answer WHERE session_id = :session AND question_id = :question),
                                :at),
                       :at, :revision
                ON CONFLICT (event_id) DO NOTHING
                """)
                .param("eventId", eventId)
                .param("session", sessionId.value())
                .param("question", questionId.value())
                .param("rater", raterId.value())
                .param("role", role.id())
                .param("candidate", candidateId.value())
                .param("cohort", idOrNull(cohortId))
                .param("theme", theme.id())
                .param("clarity", scores.clarity())
                .param("reasoning", scores.reasoning())
                .param("depth", scores.technicalDepth())
                .param("structure", scores.structure())
                .param("impact", scores.impact())
                .param("mean", BigDecimal.valueOf(scores.mean()).setScale(2, RoundingMode.HALF_UP))
                .param("comment", comment)
                .param("at", Timestamp.from(effectiveAt))
                .param("revision", revision)
                .update();
        profiles.refresh(candidateId, theme, effectiveAt);
    }

    /** What the candidate wrote, and what was written about their answers, as a rebuild after the erasure reads it. */
    @EventHandler
    void on(PersonErasedEvent event) {
        String erased = PersonalData.Kind.TEXT.placeholder();
        String candidate = event.accountId().value();
        jdbc.sql("UPDATE qs_answer SET answer = :erased WHERE candidate_id = :candidate")
                .param("erased", erased)
                .param("candidate", candidate)
                .update();
        jdbc.sql("UPDATE qs_rating SET comment = :erased WHERE candidate_id = :candidate AND comment IS NOT NULL")
                .param("erased", erased)
                .param("candidate", candidate)
                .update();
        jdbc.sql("UPDATE qs_session SET end_reason = :erased"
                        + " WHERE candidate_id = :candidate AND status = 'abandoned' AND end_reason IS NOT NULL")
                .param("erased", erased)
                .param("candidate", candidate)
                .update();
    }

    @EventHandler
    void on(SessionCompletedEvent event) {
        end(event.sessionId(), "completed", event.completedAt(), null);
    }

    @EventHandler
    void on(SessionAbandonedEvent event) {
        end(event.sessionId(), "abandoned", event.abandonedAt(), event.reason());
    }

    @EventHandler
    void on(SessionExpiredEvent event) {
        end(event.sessionId(), "expired", event.expiredAt(), "no activity since " + event.lastActivityAt());
    }

    private void end(SessionId sessionId, String status, Instant at, String reason) {
        jdbc.sql("UPDATE qs_session SET status = :status, ended_at = :at, end_reason = :reason WHERE session_id = :id")
                .param("id", sessionId.value())
                .param("status", status)
                .param("at", Timestamp.from(at))
                .param("reason", reason)
                .update();
    }

    private void touch(SessionId sessionId, Instant at) {
        jdbc.sql("UPDATE qs_session SET last_activity_at = GREATEST(last_activity_at, :at) WHERE session_id = :id")
                .param("id", sessionId.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    private record QuestionRow(
            String session, int position, String question, String theme, String difficulty, String prompt) {}

    private static String idOrNull(CohortId cohortId) {
        return cohortId == null ? null : cohortId.value();
    }
}
