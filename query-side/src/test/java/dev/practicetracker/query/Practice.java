package dev.practicetracker.query;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.RubricScores;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.session.AnswerRatedEvent;
import dev.practicetracker.events.session.AnswerRatingRevisedEvent;
import dev.practicetracker.events.session.PlannedQuestion;
import dev.practicetracker.events.session.QuestionAnsweredEvent;
import dev.practicetracker.events.session.SessionStartedEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One question practised in a session of its own, and the events that tell it, for tests to append. */
public record Practice(SessionId session, QuestionId question, CandidateId candidate, CohortId cohort, Theme theme) {

    /** A new session (random id) with one question; {@code cohortId} may be null. */
    public static Practice of(String candidateId, String cohortId, Theme theme, String questionId) {
        return new Practice(
                SessionId.of("s-" + UUID.randomUUID()),
                QuestionId.of(questionId),
                CandidateId.of(candidateId),
                cohortId == null ? null : CohortId.of(cohortId),
                theme);
    }

    /** A new session with a question of a random id, unknown to the question bank. */
    public static Practice of(String candidateId, String cohortId, Theme theme) {
        return of(candidateId, cohortId, theme, "q-" + UUID.randomUUID());
    }

    public String prompt() {
        return "Prompt of " + question.value();
    }

    public String answer() {
        return "Answer to " + question.value();
    }

    public SessionStartedEvent started(ReviewMode mode, Instant at) {
        return new SessionStartedEvent(
                session,
                candidate,
                cohort,
                mode,
                List.of(new PlannedQuestion(question, theme, Difficulty.FOUNDATION, prompt())),
                7200,
                at);
    }

    /** Answered in 90 seconds. */
    public QuestionAnsweredEvent answered(Instant at) {
        return new QuestionAnsweredEvent(session, candidate, cohort, question, theme, answer(), 90, at);
    }

    /** Every criterion scored {@code score}, 1 to 5. */
    public AnswerRatedEvent rated(String raterId, RaterRole role, int score, Instant at) {
        return new AnswerRatedEvent(
                session, candidate, cohort, question, theme, PersonId.of(raterId), role, scores(score), null, at);
    }

    public AnswerRatingRevisedEvent revised(String raterId, RaterRole role, int score, Instant at) {
        return new AnswerRatingRevisedEvent(
                session, candidate, cohort, question, theme, PersonId.of(raterId), role, scores(score), "reread", at);
    }

    private static RubricScores scores(int score) {
        return new RubricScores(score, score, score, score, score);
    }
}
