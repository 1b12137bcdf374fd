package dev.practicetracker.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.CandidateId;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Events of one candidate outside any cohort, as the command side would write them; every score the same on all five criteria. */
public record CandidateEvents(String candidate) {

    public static CandidateEvents someone() {
        return new CandidateEvents("cand-" + UUID.randomUUID());
    }

    public SessionStartedEvent started(SessionId session, Theme theme, Instant at, String... questions) {
        List<PlannedQuestion> planned = new ArrayList<>();
        for (String question : questions) {
            planned.add(new PlannedQuestion(QuestionId.of(question), theme, Difficulty.FOUNDATION, "Why?"));
        }
        return new SessionStartedEvent(session, id(), null, ReviewMode.COACH, planned, 7200, at);
    }

    public QuestionAnsweredEvent answered(SessionId session, String question, Theme theme, Instant at) {
        return answered(session, question, theme, "Because.", 60, at);
    }

    public QuestionAnsweredEvent answered(
            SessionId session, String question, Theme theme, String text, int seconds, Instant at) {
        return new QuestionAnsweredEvent(session, id(), null, QuestionId.of(question), theme, text, seconds, at);
    }

    public AnswerRatedEvent rated(
            SessionId session, String question, Theme theme, String rater, RaterRole role, int score, Instant at) {
        return rated(session, question, theme, rater, role, scores(score), null, at);
    }

    public AnswerRatedEvent rated(
            SessionId session,
            String question,
            Theme theme,
            String rater,
            RaterRole role,
            RubricScores scores,
            String comment,
            Instant at) {
        return new AnswerRatedEvent(
                session, id(), null, QuestionId.of(question), theme, PersonId.of(rater), role, scores, comment, at);
    }

    public AnswerRatingRevisedEvent revised(
            SessionId session, String question, Theme theme, String rater, RaterRole role, int score, Instant at) {
        return revised(session, question, theme, rater, role, scores(score), "reread", at);
    }

    public AnswerRatingRevisedEvent revised(
            SessionId session,
            String question,
            Theme theme,
            String rater,
            RaterRole role,
            RubricScores scores,
            String comment,
            Instant at) {
        return new AnswerRatingRevisedEvent(
                session, id(), null, QuestionId.of(question), theme, PersonId.of(rater), role, scores, comment, at);
    }

    /** The entry for {@code theme} in a response's {@code themes} list. */
    public static JsonNode theme(JsonNode themes, String theme) {
        for (JsonNode node : themes) {
            if (node.get("theme").asText().equals(theme)) {
                return node;
            }
        }
        throw new AssertionError("no theme " + theme + " in " + themes);
    }

    private CandidateId id() {
        return CandidateId.of(candidate);
    }

    public static RubricScores scores(int score) {
        return new RubricScores(score, score, score, score, score);
    }
}
