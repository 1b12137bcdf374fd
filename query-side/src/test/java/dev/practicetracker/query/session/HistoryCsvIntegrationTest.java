package dev.practicetracker.query.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.session.AnswerRatedEvent;
import dev.practicetracker.events.session.AnswerRatingRevisedEvent;
import dev.practicetracker.events.session.PlannedQuestion;
import dev.practicetracker.events.session.QuestionAnsweredEvent;
import dev.practicetracker.events.session.SessionStartedEvent;
import dev.practicetracker.query.CandidateEvents;
import dev.practicetracker.query.ReadSideIntegrationTest;
import dev.practicetracker.query.web.Csv;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class HistoryCsvIntegrationTest extends ReadSideIntegrationTest {

    private static final String TRICKY_ANSWER =
            "Add an index, then check the plan.\nMy lead said \"measure first\", so I did.";

    private final CandidateEvents events = CandidateEvents.someone();
    private final String candidate = events.candidate();
    private final Instant start = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void theCsvHasOneRowPerAnsweredQuestionWithCurrentMeansAndCommentsPerRole() {
        SessionId first = start(
                start,
                new PlannedQuestion(
                        QuestionId.of("q-1"), Theme.DATABASES, Difficulty.FOUNDATION, "Slow query, what now?"),
                new PlannedQuestion(QuestionId.of("q-2"), Theme.DATABASES, Difficulty.FOUNDATION, "Never answered"));
        SessionId second = start(
                start.plus(1, ChronoUnit.DAYS),
                new PlannedQuestion(QuestionId.of("q-3"), Theme.GIT, Difficulty.INTERMEDIATE, "Merge or rebase?"));
        appendAndWait(
                answer(first, "q-1", Theme.DATABASES, TRICKY_ANSWER, 120, start.plusSeconds(60)),
                rated(first, "q-1", candidate, RaterRole.SELF, 4, "ok, I think", start.plusSeconds(120)),
                rated(first, "q-1", "coach-1", RaterRole.COACH, 3, "solid", start.plusSeconds(240)),
                rated(first, "q-1", "coach-2", RaterRole.COACH, 2, "thin", start.plusSeconds(300)),
                revised(first, "q-1", "coach-2", 5, "great, on a second read", start.plusSeconds(400)),
                answer(
                        second,
                        "q-3",
                        Theme.GIT,
                        "Rebase my own branch, merge shared ones.",
                        75,
                        start.plus(1, ChronoUnit.DAYS).plusSeconds(30)));

        ResponseEntity<String> response = csv(candidate);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"candidate-" + candidate + "-history.csv\"");
        List<List<String>> records = Csv.parse(response.getBody());
        assertThat(records.get(0))
                .containsExactly(
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
        assertThat(records).hasSize(3);
        assertThat(records.get(1))
                .containsExactly(
                        first.value(),
                        start.toString(),
                        "databases",
                        "q-1",
                        "Slow query, what now?",
                        start.plusSeconds(60).toString(),
                        "120",
                        TRICKY_ANSWER,
                        "4.00",
                        "",
                        "4.00",
                        "self: ok, I think | coach: solid | coach: great, on a second read");
        assertThat(records.get(2))
                .containsExactly(
                        second.value(),
                        start.plus(1, ChronoUnit.DAYS).toString(),
                        "git",
                        "q-3",
                        "Merge or rebase?",
                        start.plus(1, ChronoUnit.DAYS).plusSeconds(30).toString(),
                        "75",
                        "Rebase my own branch, merge shared ones.",
                        "",
                        "",
                        "",
                        "");
    }

    @Test
    void aCandidateWithNoAnswersGetsOnlyTheHeader() {
        start(start, new PlannedQuestion(QuestionId.of("q-1"), Theme.GIT, Difficulty.FOUNDATION, "Why branches?"));
        awaitCaughtUp();

        ResponseEntity<String> response = csv(candidate);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo(String.join(",", HistoryExport.HEADER) + "\r\n");
        assertThat(Csv.parse(response.getBody())).hasSize(1);
    }

    @Test
    void anUnknownCandidatesHistoryIsNotFound() {
        ResponseEntity<String> response = asCandidate("cand-" + UUID.randomUUID())
                .getForEntity("/api/candidates/{id}/history.csv", String.class, "nobody-" + UUID.randomUUID());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
    }

    private ResponseEntity<String> csv(String candidateId) {
        return asCandidate(candidateId).getForEntity("/api/candidates/{id}/history.csv", String.class, candidateId);
    }

    private SessionId start(Instant at, PlannedQuestion... questions) {
        SessionId session = SessionId.of("s-" + UUID.randomUUID());
        append(new SessionStartedEvent(
                session, CandidateId.of(candidate), null, ReviewMode.COACH, List.of(questions), 7200, at));
        return session;
    }

    private QuestionAnsweredEvent answer(
            SessionId session, String question, Theme theme, String text, int seconds, Instant at) {
        return events.answered(session, question, theme, text, seconds, at);
    }

    private AnswerRatedEvent rated(
            SessionId session, String question, String rater, RaterRole role, int score, String comment, Instant at) {
        return events.rated(
                session, question, Theme.DATABASES, rater, role, CandidateEvents.scores(score), comment, at);
    }

    private AnswerRatingRevisedEvent revised(
            SessionId session, String question, String rater, int score, String comment, Instant at) {
        return events.revised(
                session, question, Theme.DATABASES, rater, RaterRole.COACH, CandidateEvents.scores(score), comment, at);
    }
}
