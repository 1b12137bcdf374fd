package dev.practicetracker.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.events.question.QuestionAddedEvent;
import dev.practicetracker.query.Practice;
import dev.practicetracker.query.ReadSideIntegrationTest;
import dev.practicetracker.testing.BadInputCorpus;
import dev.practicetracker.testing.BadInputCorpus.Fixture;
import dev.practicetracker.testing.BadInputCorpus.Operation;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * The query side against the bad-input corpus ({@link BadInputCorpus}): every operation of its own {@code /api-docs},
 * as an admin, a candidate and the candidate's coach (the coach's views are reached by no one else), on a cohort, a
 * question and a practised session appended here as the command side would have written them.
 */
class BadInputCorpusIntegrationTest extends ReadSideIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Empties and rebuilds every read model: last, so that the operations before it read what was appended. */
    private static final String REBUILD = "POST /api/admin/rebuild";

    @LocalServerPort
    private int port;

    private final String candidate = "corpus-candidate";
    private final String coach = "corpus-coach";
    private final String cohort = "corpus-cohort";
    private final String question = "corpus-question";

    @Test
    void noBadInputGetsAServerErrorOrAnErrorThatIsNotAProblemAndNoWrongTypeIsAccepted() {
        Practice practice = aCohortWithACandidateWhoPractised();
        Map<String, String> path = new LinkedHashMap<>();
        path.put("candidateId", candidate);
        path.put("accountId", candidate);
        path.put("coachId", coach);
        path.put("cohortId", cohort);
        path.put("questionId", question);
        path.put("sessionId", practice.session().value());
        BadInputCorpus corpus = new BadInputCorpus(
                        URI.create("http://localhost:" + port),
                        () -> jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class),
                        // Every operation reads (or, for the admin's two, starts work) without a body.
                        (operation, caller) -> new Fixture(path, null))
                .caller("admin", token(ADMIN, Role.ADMIN))
                .caller("candidate", token(candidate, Role.CANDIDATE))
                .caller("coach", token(coach, Role.COACH))
                .last(REBUILD);

        Instant start = Instant.now();
        BadInputCorpus.Report report = corpus.run();
        Duration took = Duration.between(start, Instant.now());
        awaitRebuildDone();

        System.out.println("Bad-input corpus, query side, " + report.total() + " requests in " + took.toSeconds()
                + " s:\n" + report.table());
        report.failures().forEach(failure -> System.out.println("FAILED " + failure));
        assertThat(corpus.operations()).hasSizeGreaterThanOrEqualTo(23);
        assertThat(report.accepted().keySet())
                .as("operations whose valid request some caller got answered: the fixtures reach the handlers")
                .containsExactlyInAnyOrderElementsOf(
                        corpus.operations().stream().map(Operation::key).toList());
        assertThat(report.failures()).isEmpty();
    }

    private Practice aCohortWithACandidateWhoPractised() {
        Instant at = Instant.now().minus(2, ChronoUnit.DAYS);
        Practice practice = Practice.of(candidate, cohort, Theme.DATABASES, question);
        account(candidate, Role.CANDIDATE);
        account(coach, Role.COACH);
        account(ADMIN, Role.ADMIN);
        appendAndWait(
                new QuestionAddedEvent(
                        QuestionId.of(question),
                        Theme.DATABASES,
                        Difficulty.FOUNDATION,
                        "Why index?",
                        "Because reads.",
                        "test",
                        at),
                new CohortCreatedEvent(CohortId.of(cohort), "Corpus cohort", CoachId.of(coach), at),
                new CandidateEnrolledEvent(CohortId.of(cohort), CandidateId.of(candidate), at),
                practice.started(ReviewMode.COACH, at.plusSeconds(60)),
                practice.answered(at.plusSeconds(120)),
                practice.rated(candidate, RaterRole.SELF, 3, at.plusSeconds(180)),
                practice.rated(coach, RaterRole.COACH, 4, at.plusSeconds(240)));
        return practice;
    }

    private void awaitRebuildDone() {
        var asAdmin = asAdmin();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    ResponseEntity<String> progress = asAdmin.getForEntity("/api/admin/rebuild", String.class);
                    return progress.getStatusCode().value() == 200
                            && "done"
                                    .equals(JSON.readTree(progress.getBody())
                                            .get("state")
                                            .asText());
                });
        awaitCaughtUp();
    }
}
