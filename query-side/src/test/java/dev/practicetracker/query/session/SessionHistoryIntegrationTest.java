package dev.practicetracker.query.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.Difficulty;
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
import dev.practicetracker.events.session.SessionAbandonedEvent;
import dev.practicetracker.events.session.SessionCompletedEvent;
import dev.practicetracker.events.session.SessionExpiredEvent;
import dev.practicetracker.events.session.SessionStartedEvent;
import dev.practicetracker.query.CandidateEvents;
import dev.practicetracker.query.ReadSideIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class SessionHistoryIntegrationTest extends ReadSideIntegrationTest {

    private final CandidateEvents events = CandidateEvents.someone();
    private final String candidate = events.candidate();
    private final Instant start = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aSessionShowsItsQuestionsInOrderWithTheirAnswersAndCurrentRatings() {
        SessionId session = start(start, "q-b", "q-a", "q-c");
        appendAndWait(
                answer(session, "q-b", "Add an index on the foreign key.", 90, start.plusSeconds(60)),
                answer(session, "q-a", "Rebase, then merge.", 45, start.plusSeconds(120)),
                rated(session, "q-b", candidate, RaterRole.SELF, new RubricScores(4, 4, 4, 4, 4), "felt good", 180),
                rated(session, "q-b", "coach-1", RaterRole.COACH, new RubricScores(2, 3, 2, 3, 2), "too vague", 240),
                revised(session, "q-b", "coach-1", new RubricScores(3, 4, 3, 4, 3), "better on a second read", 300));

        JsonNode view = asCandidate(candidate).getForObject("/api/sessions/{id}", JsonNode.class, session.value());

        assertThat(view.get("candidateId").asText()).isEqualTo(candidate);
        assertThat(view.get("mode").asText()).isEqualTo("coach");
        assertThat(view.get("status").asText()).isEqualTo("in-progress");
        assertThat(view.get("endedAt").isNull()).isTrue();
        assertThat(view.get("plannedCount").asInt()).isEqualTo(3);
        assertThat(view.get("answeredCount").asInt()).isEqualTo(2);
        assertThat(view.get("totalTimeSpentSeconds").asLong()).isEqualTo(135);
        assertThat(texts(view.get("questions"), "questionId")).containsExactly("q-b", "q-a", "q-c");

        JsonNode first = view.get("questions").get(0);
        assertThat(first.get("theme").asText()).isEqualTo("databases");
        assertThat(first.get("difficulty").asText()).isEqualTo("foundation");
        assertThat(first.get("prompt").asText()).isEqualTo("Prompt of q-b?");
        assertThat(first.get("answer").get("text").asText()).isEqualTo("Add an index on the foreign key.");
        assertThat(first.get("answer").get("timeSpentSeconds").asInt()).isEqualTo(90);
        assertThat(Instant.parse(first.get("answer").get("answeredAt").asText()))
                .isEqualTo(start.plusSeconds(60));

        JsonNode ratings = first.get("ratings");
        assertThat(texts(ratings, "raterRole")).containsExactly("self", "coach");
        JsonNode self = ratings.get(0);
        assertThat(self.get("raterId").asText()).isEqualTo(candidate);
        assertThat(self.get("comment").asText()).isEqualTo("felt good");
        assertThat(self.get("revisedAt").isNull()).isTrue();
        JsonNode coach = ratings.get(1);
        assertThat(coach.get("raterId").asText()).isEqualTo("coach-1");
        assertThat(coach.get("scores").get("clarity").asInt()).isEqualTo(3);
        assertThat(coach.get("scores").get("reasoning").asInt()).isEqualTo(4);
        assertThat(coach.get("scores").get("technical-depth").asInt()).isEqualTo(3);
        assertThat(coach.get("scores").get("structure").asInt()).isEqualTo(4);
        assertThat(coach.get("scores").get("impact").asInt()).isEqualTo(3);
        assertThat(coach.get("meanScore").asDouble()).isEqualTo(3.4);
        assertThat(coach.get("comment").asText()).isEqualTo("better on a second read");
        assertThat(Instant.parse(coach.get("ratedAt").asText())).isEqualTo(start.plusSeconds(240));
        assertThat(Instant.parse(coach.get("revisedAt").asText())).isEqualTo(start.plusSeconds(300));

        JsonNode unanswered = view.get("questions").get(2);
        assertThat(unanswered.get("answer").isNull()).isTrue();
        assertThat(unanswered.get("ratings")).isEmpty();
    }

    @Test
    void aCompletedSessionShowsWhenItEnded() {
        SessionId session = start(start, "q-1");
        appendAndWait(
                answer(session, "q-1", "Because.", 30, start.plusSeconds(60)),
                new SessionCompletedEvent(session, CandidateId.of(candidate), null, 1, 1, start.plusSeconds(90)));

        JsonNode view = asCandidate(candidate).getForObject("/api/sessions/{id}", JsonNode.class, session.value());

        assertThat(view.get("status").asText()).isEqualTo("completed");
        assertThat(Instant.parse(view.get("endedAt").asText())).isEqualTo(start.plusSeconds(90));
        assertThat(view.get("endReason").isNull()).isTrue();
    }

    @Test
    void anAbandonedSessionShowsTheReasonGiven() {
        SessionId session = start(start, "q-1", "q-2");
        appendAndWait(new SessionAbandonedEvent(
                session, CandidateId.of(candidate), null, 0, "interview moved", start.plusSeconds(300)));

        JsonNode view = asCandidate(candidate).getForObject("/api/sessions/{id}", JsonNode.class, session.value());

        assertThat(view.get("status").asText()).isEqualTo("abandoned");
        assertThat(Instant.parse(view.get("endedAt").asText())).isEqualTo(start.plusSeconds(300));
        assertThat(view.get("endReason").asText()).isEqualTo("interview moved");
        assertThat(view.get("answeredCount").asInt()).isZero();
    }

    @Test
    void anExpiredSessionSaysSinceWhenNothingHappened() {
        SessionId session = start(start, "q-1");
        Instant lastActivity = start.plusSeconds(60);
        appendAndWait(
                answer(session, "q-1", "Because.", 30, lastActivity),
                new SessionExpiredEvent(
                        session, CandidateId.of(candidate), null, 1, lastActivity, start.plus(3, ChronoUnit.HOURS)));

        JsonNode view = asCandidate(candidate).getForObject("/api/sessions/{id}", JsonNode.class, session.value());

        assertThat(view.get("status").asText()).isEqualTo("expired");
        assertThat(Instant.parse(view.get("endedAt").asText())).isEqualTo(start.plus(3, ChronoUnit.HOURS));
        assertThat(view.get("endReason").asText()).isEqualTo("no activity since " + lastActivity);
    }

    @Test
    void aCandidatesSessionsComeNewestFirstOnePageAtATime() {
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(start(start.plus(i, ChronoUnit.HOURS), "q-1").value());
        }
        awaitCaughtUp();

        JsonNode first = sessions(0, 2);
        JsonNode second = sessions(1, 2);
        JsonNode last = sessions(2, 2);

        assertThat(texts(first.get("items"), "sessionId")).containsExactly(started.get(4), started.get(3));
        assertThat(texts(second.get("items"), "sessionId")).containsExactly(started.get(2), started.get(1));
        assertThat(texts(last.get("items"), "sessionId")).containsExactly(started.get(0));
        assertThat(first.get("totalItems").asLong()).isEqualTo(5);
        assertThat(first.get("totalPages").asInt()).isEqualTo(3);
        assertThat(first.get("items")
                        .get(0)
                        .get("questions")
                        .get(0)
                        .get("questionId")
                        .asText())
                .isEqualTo("q-1");
    }

    @Test
    void aPageBeyondTheLastIsEmptyButStillCountsTheSessions() {
        start(start, "q-1");
        awaitCaughtUp();

        JsonNode beyond = sessions(1, 20);

        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void aPageSizeOutOfRangeIsABadRequestNamingTheParameter() {
        start(start, "q-1");
        awaitCaughtUp();

        ResponseEntity<JsonNode> response = asCandidate(candidate)
                .getForEntity("/api/candidates/{id}/sessions?size=1000", JsonNode.class, candidate);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get(0).get("field").asText())
                .isEqualTo("size");
    }

    @Test
    void anUnknownCandidatesSessionsAreNotFound() {
        ResponseEntity<String> response = asCandidate(candidate)
                .getForEntity("/api/candidates/{id}/sessions", String.class, "nobody-" + UUID.randomUUID());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
    }

    @Test
    void anUnknownSessionIsNotFound() {
        ResponseEntity<String> response =
                asCandidate(candidate).getForEntity("/api/sessions/{id}", String.class, "s-" + UUID.randomUUID());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
    }

    private JsonNode sessions(int page, int size) {
        return asCandidate(candidate)
                .getForObject(
                        "/api/candidates/{id}/sessions?page={page}&size={size}", JsonNode.class, candidate, page, size);
    }

    /** Starts a coach-reviewed session whose questions are all databases questions, prompted "Prompt of id?". */
    private SessionId start(Instant at, String... questionIds) {
        SessionId session = SessionId.of("s-" + UUID.randomUUID());
        List<PlannedQuestion> questions = new ArrayList<>();
        for (String id : questionIds) {
            questions.add(new PlannedQuestion(
                    QuestionId.of(id), Theme.DATABASES, Difficulty.FOUNDATION, "Prompt of " + id + "?"));
        }
        append(new SessionStartedEvent(
                session, CandidateId.of(candidate), null, ReviewMode.COACH, questions, 7200, at));
        return session;
    }

    private QuestionAnsweredEvent answer(SessionId session, String question, String text, int seconds, Instant at) {
        return events.answered(session, question, Theme.DATABASES, text, seconds, at);
    }

    private AnswerRatedEvent rated(
            SessionId session,
            String question,
            String rater,
            RaterRole role,
            RubricScores scores,
            String comment,
            long secondsAfterStart) {
        return events.rated(
                session, question, Theme.DATABASES, rater, role, scores, comment, start.plusSeconds(secondsAfterStart));
    }

    private AnswerRatingRevisedEvent revised(
            SessionId session,
            String question,
            String rater,
            RubricScores scores,
            String comment,
            long secondsAfterStart) {
        return events.revised(
                session,
                question,
                Theme.DATABASES,
                rater,
                RaterRole.COACH,
                scores,
                comment,
                start.plusSeconds(secondsAfterStart));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }
}
