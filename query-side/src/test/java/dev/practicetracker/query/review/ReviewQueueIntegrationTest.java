package dev.practicetracker.query.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CandidateWithdrawnEvent;
import dev.practicetracker.events.cohort.CoachAssignedEvent;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.events.question.QuestionAddedEvent;
import dev.practicetracker.query.Practice;
import dev.practicetracker.query.ReadSideIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class ReviewQueueIntegrationTest extends ReadSideIntegrationTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final String coach = "coach-" + UUID.randomUUID();
    private final String cohort = "cohort-" + UUID.randomUUID();
    private final String ada = "cand-" + UUID.randomUUID();
    private final String bob = "cand-" + UUID.randomUUID();

    @BeforeEach
    void createCohortWithTwoCandidates() {
        append(
                new CohortCreatedEvent(
                        CohortId.of(cohort), "Backend, autumn", CoachId.of(coach), ago(Duration.ofDays(30))),
                new CandidateEnrolledEvent(CohortId.of(cohort), CandidateId.of(ada), ago(Duration.ofDays(29))),
                new CandidateEnrolledEvent(CohortId.of(cohort), CandidateId.of(bob), ago(Duration.ofDays(29))));
    }

    @Test
    void theQueueListsUnratedAnswersOldestFirstWithHowLongEachHasWaited() {
        String questionId = "q-" + UUID.randomUUID();
        append(new QuestionAddedEvent(
                QuestionId.of(questionId),
                Theme.DATABASES,
                Difficulty.FOUNDATION,
                "Bank prompt",
                "Names the index and the query plan",
                null,
                ago(Duration.ofDays(100))));
        Practice newest = answered(ada, Theme.GIT, ago(Duration.ofMinutes(200).plusSeconds(30)));
        Practice oldest = Practice.of(bob, cohort, Theme.DATABASES, questionId);
        append(
                oldest.started(ReviewMode.COACH, ago(Duration.ofDays(3))),
                oldest.answered(ago(Duration.ofHours(52).plusMinutes(10))));
        Practice middle = answered(ada, Theme.SECURITY, ago(Duration.ofHours(20)));
        awaitCaughtUp();

        JsonNode page = queue("");

        assertThat(sessions(page))
                .containsExactly(
                        oldest.session().value(),
                        middle.session().value(),
                        newest.session().value());
        assertThat(page.get("totalItems").asLong()).isEqualTo(3);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("questionId").asText()).isEqualTo(questionId);
        assertThat(first.get("candidateId").asText()).isEqualTo(bob);
        assertThat(first.get("cohortId").asText()).isEqualTo(cohort);
        assertThat(first.get("cohortName").asText()).isEqualTo("Backend, autumn");
        assertThat(first.get("theme").asText()).isEqualTo("databases");
        assertThat(first.get("prompt").asText()).isEqualTo(oldest.prompt());
        assertThat(first.get("strongAnswer").asText()).isEqualTo("Names the index and the query plan");
        assertThat(first.get("answer").asText()).isEqualTo(oldest.answer());
        assertThat(first.get("timeSpentSeconds").asInt()).isEqualTo(90);
        assertThat(Instant.parse(first.get("answeredAt").asText()))
                .isEqualTo(ago(Duration.ofHours(52).plusMinutes(10)));
        assertThat(first.get("waitingSeconds").asLong())
                .isGreaterThanOrEqualTo(Duration.ofHours(52).plusMinutes(10).toSeconds());
        assertThat(first.get("waiting").asText()).isEqualTo("2 days 4 h");
        JsonNode last = page.get("items").get(2);
        assertThat(last.get("strongAnswer").isNull()).isTrue();
        assertThat(last.get("waitingSeconds").asLong()).isPositive();
        assertThat(last.get("waiting").asText()).isEqualTo("3 h 20 min");
    }

    @Test
    void aCoachRatingTakesTheAnswerOffTheQueue() {
        Practice rated = answered(ada, Theme.GIT, ago(Duration.ofHours(5)));
        Practice waiting = answered(ada, Theme.GIT, ago(Duration.ofHours(4)));
        appendAndWait(rated.rated(coach, RaterRole.COACH, 4, ago(Duration.ofHours(1))));

        assertThat(sessions(queue(""))).containsExactly(waiting.session().value());
    }

    @Test
    void aRatingRevisionChangesNothingSelfAndPeerRatingsKeepTheAnswerQueuedAndARevisedCoachRatingKeepsItOff() {
        Practice selfRated = answered(ada, Theme.GIT, ago(Duration.ofHours(5)));
        Practice coachRated = answered(bob, Theme.GIT, ago(Duration.ofHours(4)));
        appendAndWait(
                selfRated.rated(ada, RaterRole.SELF, 2, ago(Duration.ofHours(3))),
                selfRated.revised(ada, RaterRole.SELF, 3, ago(Duration.ofHours(2))),
                selfRated.rated(bob, RaterRole.PEER, 3, ago(Duration.ofHours(2))),
                selfRated.revised(bob, RaterRole.PEER, 4, ago(Duration.ofHours(1))),
                coachRated.rated(coach, RaterRole.COACH, 2, ago(Duration.ofHours(3))),
                coachRated.revised(coach, RaterRole.COACH, 5, ago(Duration.ofHours(1))));

        JsonNode queued = queue("");
        assertThat(sessions(queued)).containsExactly(selfRated.session().value());
        JsonNode selfRating = queued.get("items").get(0).get("selfRating");
        assertThat(selfRating.get("mean").asDouble()).isEqualTo(3.0);
        assertThat(selfRating.get("scores").get("technical-depth").asInt()).isEqualTo(3);
    }

    @Test
    void theQueueNarrowsToOneCandidateOneThemeOrAnswersThatWaitedLongAndAnswersWithoutASelfRatingSayNone() {
        Practice adaGit = answered(ada, Theme.GIT, ago(Duration.ofHours(50)));
        Practice adaSecurity = answered(ada, Theme.SECURITY, ago(Duration.ofHours(2)));
        Practice bobGit = answered(bob, Theme.GIT, ago(Duration.ofHours(30)));
        awaitCaughtUp();

        assertThat(sessions(queue("?candidate=" + ada)))
                .containsExactly(adaGit.session().value(), adaSecurity.session().value());
        assertThat(sessions(queue("?theme=git")))
                .containsExactly(adaGit.session().value(), bobGit.session().value());
        assertThat(sessions(queue("?waitedHours=24")))
                .containsExactly(adaGit.session().value(), bobGit.session().value());
        JsonNode both = queue("?candidate=" + ada + "&theme=git&waitedHours=48&size=1");
        assertThat(sessions(both)).containsExactly(adaGit.session().value());
        assertThat(both.get("totalItems").asLong()).isEqualTo(1);
        assertThat(both.get("items").get(0).get("selfRating").isNull()).isTrue();
        assertThat(asCoach(coach)
                        .getForEntity("/api/coaches/{id}/review-queue?waitedHours=-1", JsonNode.class, coach)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void anAnswerFromASelfReviewedSessionIsNotQueued() {
        Practice self = Practice.of(ada, cohort, Theme.GIT);
        append(self.started(ReviewMode.SELF, ago(Duration.ofHours(3))), self.answered(ago(Duration.ofHours(2))));
        Practice peer = Practice.of(ada, cohort, Theme.GIT);
        append(peer.started(ReviewMode.PEER, ago(Duration.ofHours(3))), peer.answered(ago(Duration.ofHours(2))));
        Practice coached = answered(ada, Theme.GIT, ago(Duration.ofHours(1)));
        awaitCaughtUp();

        assertThat(sessions(queue(""))).containsExactly(coached.session().value());
    }

    @Test
    void anotherCoachsCohortIsNotVisibleAndAHandedOverCohortGoesWithItsNewCoach() {
        String otherCoach = "coach-" + UUID.randomUUID();
        String otherCohort = "cohort-" + UUID.randomUUID();
        String cy = "cand-" + UUID.randomUUID();
        append(
                new CohortCreatedEvent(
                        CohortId.of(otherCohort), "Frontend", CoachId.of(otherCoach), ago(Duration.ofDays(30))),
                new CandidateEnrolledEvent(CohortId.of(otherCohort), CandidateId.of(cy), ago(Duration.ofDays(29))));
        Practice mine = answered(ada, Theme.GIT, ago(Duration.ofHours(2)));
        Practice theirs = Practice.of(cy, otherCohort, Theme.GIT);
        append(theirs.started(ReviewMode.COACH, ago(Duration.ofHours(3))), theirs.answered(ago(Duration.ofHours(2))));
        awaitCaughtUp();

        assertThat(sessions(queue(""))).containsExactly(mine.session().value());
        assertThat(sessions(queue(otherCoach, "")))
                .containsExactly(theirs.session().value());

        appendAndWait(new CoachAssignedEvent(CohortId.of(otherCohort), CoachId.of(coach), CoachId.of(otherCoach), now));

        assertThat(sessions(queue("")))
                .containsExactlyInAnyOrder(
                        mine.session().value(), theirs.session().value());
        assertThat(queue(otherCoach, "").get("items")).isEmpty();
    }

    @Test
    void aWithdrawnCandidatesAnswersDropOutOfTheQueue() {
        Practice adas = answered(ada, Theme.GIT, ago(Duration.ofHours(3)));
        answered(bob, Theme.GIT, ago(Duration.ofHours(2)));
        appendAndWait(
                new CandidateWithdrawnEvent(CohortId.of(cohort), CandidateId.of(bob), null, ago(Duration.ofHours(1))));

        assertThat(sessions(queue(""))).containsExactly(adas.session().value());
    }

    @Test
    void theQueueIsPagedWithTheTotalCount() {
        answered(ada, Theme.GIT, ago(Duration.ofHours(3)));
        Practice second = answered(bob, Theme.GIT, ago(Duration.ofHours(2)));
        answered(ada, Theme.GIT, ago(Duration.ofHours(1)));
        awaitCaughtUp();

        JsonNode page = queue("?page=1&size=1");

        assertThat(page.get("totalItems").asLong()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(3);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(sessions(page)).containsExactly(second.session().value());
        assertThat(queue("?page=3&size=1").get("items")).isEmpty();
        assertThat(asCoach(coach)
                        .getForEntity("/api/coaches/{id}/review-queue?size=0", JsonNode.class, coach)
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aCoachWithNothingToRateGetsAnEmptyPageAndAnotherCoachsQueueIsNotFound() {
        awaitCaughtUp();

        JsonNode page = queue("");
        String unknown = "coach-" + UUID.randomUUID();
        ResponseEntity<JsonNode> response =
                asCoach(coach).getForEntity("/api/coaches/{id}/review-queue", JsonNode.class, unknown);

        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("totalItems").asLong()).isZero();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody().get("detail").asText()).isEqualTo("there is no coach " + unknown);
    }

    @Test
    void aCoachsCohortsAreListedWithHowManyCandidatesAreEnrolled() {
        String second = "cohort-" + UUID.randomUUID();
        appendAndWait(
                new CandidateWithdrawnEvent(CohortId.of(cohort), CandidateId.of(bob), null, ago(Duration.ofDays(1))),
                new CohortCreatedEvent(CohortId.of(second), "Algorithms", CoachId.of(coach), ago(Duration.ofDays(2))));

        JsonNode cohorts = asCoach(coach).getForObject("/api/coaches/{id}/cohorts", JsonNode.class, coach);

        assertThat(cohorts)
                .extracting(node ->
                        node.get("name").asText() + " " + node.get("enrolled").asInt())
                .containsExactly("Algorithms 0", "Backend, autumn 1");
        assertThat(cohorts.get(1).get("cohortId").asText()).isEqualTo(cohort);
        assertThat(asCoach(coach)
                        .getForEntity("/api/coaches/{id}/cohorts", JsonNode.class, "coach-" + UUID.randomUUID())
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** A coach-reviewed session in this cohort with one answer given at {@code at}. */
    private Practice answered(String candidate, Theme theme, Instant at) {
        Practice practice = Practice.of(candidate, cohort, theme);
        append(practice.started(ReviewMode.COACH, at.minusSeconds(120)), practice.answered(at));
        return practice;
    }

    private Instant ago(Duration duration) {
        return now.minus(duration);
    }

    private JsonNode queue(String query) {
        return queue(coach, query);
    }

    private JsonNode queue(String coachId, String query) {
        ResponseEntity<JsonNode> response =
                asCoach(coachId).getForEntity("/api/coaches/{id}/review-queue" + query, JsonNode.class, coachId);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<String> sessions(JsonNode page) {
        List<String> sessions = new ArrayList<>();
        page.get("items").forEach(item -> sessions.add(item.get("sessionId").asText()));
        return sessions;
    }
}
