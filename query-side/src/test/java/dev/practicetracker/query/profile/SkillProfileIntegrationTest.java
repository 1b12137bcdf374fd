package dev.practicetracker.query.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.session.AnswerRatedEvent;
import dev.practicetracker.events.session.AnswerRatingRevisedEvent;
import dev.practicetracker.events.session.QuestionAnsweredEvent;
import dev.practicetracker.query.CandidateEvents;
import dev.practicetracker.query.ReadSideIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class SkillProfileIntegrationTest extends ReadSideIntegrationTest {

    private final CandidateEvents events = CandidateEvents.someone();
    private final String candidate = events.candidate();
    private final Instant start = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aCandidateWithoutRatingsHasNoLevelAndSaysThereIsNotEnoughEvidence() {
        SessionId session = session(Theme.DATABASES, start);
        appendAndWait(answer(session, "q-1", Theme.DATABASES, start.plusSeconds(60)));

        JsonNode databases = theme(profile(candidate), "databases");

        assertThat(databases.get("answers").asInt()).isEqualTo(1);
        assertThat(databases.get("level").isNull()).isTrue();
        assertThat(databases.get("enoughEvidence").asBoolean()).isFalse();
        assertThat(databases.get("evidence").asText()).startsWith("not enough evidence yet");
    }

    @Test
    void onlySelfRatingsGiveALevelThatSaysItRestsOnSelfRatingsOnly() {
        SessionId session = session(Theme.GIT, start);
        appendAndWait(
                answer(session, "q-1", Theme.GIT, start.plusSeconds(60)),
                rating(session, "q-1", Theme.GIT, candidate, RaterRole.SELF, 5, start.plusSeconds(120)));

        JsonNode git = theme(profile(candidate), "git");

        assertThat(git.get("basis").asText()).isEqualTo("self-ratings only");
        assertThat(git.get("level").asDouble()).isGreaterThan(50);
        assertThat(git.get("ratingsByRole").has("self")).isTrue();
        assertThat(git.get("ratingsByRole").has("coach")).isFalse();
    }

    @Test
    void aCoachRatingSetsTheLevelAndAGlowingSelfRatingOfTheSameAnswerMovesItOnlyALittle() {
        SessionId session = session(Theme.SECURITY, start);
        appendAndWait(
                answer(session, "q-1", Theme.SECURITY, start.plusSeconds(60)),
                rating(session, "q-1", Theme.SECURITY, "coach-1", RaterRole.COACH, 2, start.plusSeconds(120)));
        double coachOnly = theme(profile(candidate), "security").get("level").asDouble();

        appendAndWait(rating(session, "q-1", Theme.SECURITY, candidate, RaterRole.SELF, 5, start.plusSeconds(180)));
        JsonNode security = theme(profile(candidate), "security");

        // The self-rating counts, less than a coach's and with the candidate's bias still unknown: the level stays on
        // the coach's side of the middle.
        assertThat(security.get("level").asDouble()).isGreaterThan(coachOnly).isLessThan(50.0);
        assertThat(security.get("basis").asText()).isEqualTo("coach and peer ratings");
        assertThat(security.get("ratingsByRole").get("self").get("count").asInt())
                .isEqualTo(1);
    }

    @Test
    void theProfileAsOfAPastDateIgnoresLaterAnswersAndRevisions() {
        SessionId session = session(Theme.API_DESIGN, start);
        Instant early = start.plus(1, ChronoUnit.DAYS);
        Instant late = start.plus(10, ChronoUnit.DAYS);
        appendAndWait(
                answer(session, "q-1", Theme.API_DESIGN, start.plusSeconds(60)),
                rating(session, "q-1", Theme.API_DESIGN, "coach-1", RaterRole.COACH, 2, early),
                revision(session, "q-1", Theme.API_DESIGN, "coach-1", 5, late));

        double then = theme(profile(candidate, early.plus(1, ChronoUnit.DAYS).toString()), "api-design")
                .get("level")
                .asDouble();
        double now = theme(profile(candidate), "api-design").get("level").asDouble();

        assertThat(then).isLessThan(50);
        assertThat(now).isGreaterThan(50);
    }

    @Test
    void anUnknownCandidateIsNotFound() {
        ResponseEntity<String> response = asCandidate("cand-" + UUID.randomUUID())
                .getForEntity("/api/candidates/{id}/profile", String.class, "nobody-" + UUID.randomUUID());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
    }

    @Test
    void aMalformedAsOfIsABadRequestNamingTheParameter() {
        SessionId session = session(Theme.GIT, start);
        appendAndWait(answer(session, "q-1", Theme.GIT, start.plusSeconds(60)));

        ResponseEntity<JsonNode> response = asCandidate(candidate)
                .getForEntity("/api/candidates/{id}/profile?asOf=yesterday", JsonNode.class, candidate);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get(0).get("field").asText())
                .isEqualTo("asOf");
    }

    private SessionId session(Theme theme, Instant at) {
        SessionId session = SessionId.of("s-" + UUID.randomUUID());
        append(events.started(session, theme, at, "q-1"));
        return session;
    }

    private QuestionAnsweredEvent answer(SessionId session, String question, Theme theme, Instant at) {
        return events.answered(session, question, theme, at);
    }

    private AnswerRatedEvent rating(
            SessionId session, String question, Theme theme, String rater, RaterRole role, int score, Instant at) {
        return events.rated(session, question, theme, rater, role, score, at);
    }

    private AnswerRatingRevisedEvent revision(
            SessionId session, String question, Theme theme, String rater, int score, Instant at) {
        return events.revised(session, question, theme, rater, RaterRole.COACH, score, at);
    }

    private JsonNode profile(String candidateId) {
        return asCandidate(candidateId).getForObject("/api/candidates/{id}/profile", JsonNode.class, candidateId);
    }

    private JsonNode profile(String candidateId, String asOf) {
        return asCandidate(candidateId)
                .getForObject("/api/candidates/{id}/profile?asOf={asOf}", JsonNode.class, candidateId, asOf);
    }

    private static JsonNode theme(JsonNode profile, String theme) {
        return CandidateEvents.theme(profile.get("themes"), theme);
    }
}
