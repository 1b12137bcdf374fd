package dev.practicetracker.command;

import static dev.practicetracker.command.CommandApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.database.FreshTestDatabase;
import dev.practicetracker.testing.BadInputCorpus;
import dev.practicetracker.testing.BadInputCorpus.Fixture;
import dev.practicetracker.testing.BadInputCorpus.Operation;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The command side against the bad-input corpus ({@link BadInputCorpus}): every operation of its own {@code /api-docs},
 * as an admin and as a candidate, on real accounts, cohorts, questions and sessions made for it here. The corpus's
 * failed logins fill the login throttle for this machine's address, so the context is closed after this class instead
 * of being handed to the next one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BadInputCorpusIntegrationTest {

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private JdbcTemplate jdbc;

    @LocalServerPort
    private int port;

    private CommandApi admin;
    private CommandApi candidate;
    private String coach;
    private String otherCoach;
    private String enrollee;
    private String cohort;
    private String question;
    private int made;

    @BeforeAll
    void accountsACohortAndAQuestion() {
        admin = new CommandApi(http, jdbc);
        candidate = admin.newCandidate("corpus-candidate");
        coach = account("coach");
        otherCoach = account("coach");
        enrollee = account("candidate");
        question = question();
        cohort = cohort();
        created(admin.post("/api/cohorts/" + cohort + "/enrolments", Map.of("candidateId", candidate.accountId())));
    }

    @Test
    void noBadInputGetsAServerErrorAnErrorThatIsNotAProblemOrAnEventAndNoWrongTypeIsAccepted() {
        BadInputCorpus corpus = new BadInputCorpus(
                        URI.create("http://localhost:" + port), admin::eventCount, this::fixture)
                .caller("admin", admin.token())
                .caller("candidate", candidate.token());

        Instant start = Instant.now();
        BadInputCorpus.Report report = corpus.run();
        Duration took = Duration.between(start, Instant.now());

        System.out.println("Bad-input corpus, command side, " + report.total() + " requests in " + took.toSeconds()
                + " s:\n" + report.table());
        report.failures().forEach(failure -> System.out.println("FAILED " + failure));
        assertThat(corpus.operations()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(report.accepted().keySet())
                .as("operations whose valid request some caller got accepted: the fixtures reach the handlers")
                .containsExactlyInAnyOrderElementsOf(
                        corpus.operations().stream().map(Operation::key).toList());
        assertThat(report.failures()).isEmpty();
    }

    private int retentionDays = 30;

    /** A valid request of each operation: on things made for it, new ones after every accepted request. */
    private Fixture fixture(Operation operation, String caller) {
        return switch (operation.key()) {
            case "POST /api/accounts" -> body(newAccountBody("candidate"));
            case "PUT /api/accounts/{accountId}/role" ->
                new Fixture(Map.of("accountId", account("candidate")), Map.of("role", "coach"));
            case "POST /api/accounts/{accountId}/lock", "POST /api/accounts/{accountId}/withdraw" ->
                new Fixture(Map.of("accountId", account("candidate")), Map.of("reason", "left the course"));
            // Erasure is refused for an account still active: the valid request names a withdrawn one.
            case "POST /api/accounts/{accountId}/erase" -> {
                String withdrawn = account("candidate");
                accepted(admin.post("/api/accounts/" + withdrawn + "/withdraw", Map.of()));
                yield new Fixture(Map.of("accountId", withdrawn), Map.of("reason", "asked to be forgotten"));
            }
            case "POST /api/accounts/{accountId}/unlock" -> {
                String locked = account("candidate");
                accepted(admin.post("/api/accounts/" + locked + "/lock", Map.of()));
                yield new Fixture(Map.of("accountId", locked), null);
            }
            // Another account than the caller's own: the corpus must not sign its own callers out.
            case "PUT /api/accounts/{accountId}/password" ->
                new Fixture(Map.of("accountId", account("candidate")), Map.of("password", "another good passphrase"));
            case "POST /api/accounts/{accountId}/sign-out-everywhere" ->
                new Fixture(Map.of("accountId", account("candidate")), null);
            case "POST /api/auth/token" ->
                body(Map.of("username", CommandApi.ADMIN_USERNAME, "password", CommandApi.ADMIN_PASSWORD));
            case "POST /api/auth/logout" -> new Fixture(Map.of(), null);
            // Another period each time: the same one again is refused as no change.
            case "PUT /api/admin/retention" -> body(Map.of("withdrawnErasedAfter", "P" + ++retentionDays + "D"));
            case "POST /api/cohorts" -> body(Map.of("name", "Evening cohort", "coachId", coach));
            case "POST /api/cohorts/{cohortId}/enrolments" ->
                new Fixture(Map.of("cohortId", cohort()), Map.of("candidateId", enrollee));
            case "POST /api/cohorts/{cohortId}/withdrawals" -> {
                String withEnrollee = cohort();
                created(admin.post("/api/cohorts/" + withEnrollee + "/enrolments", Map.of("candidateId", enrollee)));
                yield new Fixture(
                        Map.of("cohortId", withEnrollee), Map.of("candidateId", enrollee, "reason", "moved away"));
            }
            case "PUT /api/cohorts/{cohortId}/coach" ->
                new Fixture(Map.of("cohortId", cohort()), Map.of("coachId", otherCoach));
            case "POST /api/questions" ->
                body(Map.of(
                        "questionId", id("q"),
                        "theme", "databases",
                        "difficulty", "foundation",
                        "prompt", "What is an index for?",
                        "strongAnswer", "Finding rows without reading them all.",
                        "source", "corpus"));
            case "PUT /api/questions/{questionId}" ->
                new Fixture(
                        Map.of("questionId", question()),
                        Map.of(
                                "difficulty",
                                "advanced",
                                "prompt",
                                "When does an index hurt?",
                                "strongAnswer",
                                "Writes."));
            case "POST /api/questions/{questionId}/retire" ->
                new Fixture(Map.of("questionId", question()), Map.of("reason", "replaced"));
            case "POST /api/sessions" ->
                body(Map.of(
                        "candidateId",
                        candidate.accountId(),
                        "cohortId",
                        cohort,
                        "mode",
                        "coach",
                        "questionIds",
                        List.of(question)));
            case "POST /api/sessions/{sessionId}/answers" ->
                new Fixture(
                        Map.of("sessionId", session()),
                        Map.of(
                                "questionId",
                                question,
                                "answer",
                                "An index on the filtered column.",
                                "timeSpentSeconds",
                                90));
            case "POST /api/sessions/{sessionId}/answers/{questionId}/ratings" ->
                new Fixture(
                        Map.of("sessionId", answeredSession(), "questionId", question),
                        Map.of(
                                "raterId",
                                candidate.accountId(),
                                "raterRole",
                                "self",
                                "scores",
                                CommandApi.GOOD_SCORES,
                                "comment",
                                "Say why."));
            case "PUT /api/sessions/{sessionId}/answers/{questionId}/ratings/{raterId}" -> {
                String rated = answeredSession();
                created(candidate.rate(rated, question));
                yield new Fixture(
                        Map.of("sessionId", rated, "questionId", question, "raterId", candidate.accountId()),
                        Map.of(
                                "raterRole",
                                "self",
                                "scores",
                                Map.of("clarity", 5, "reasoning", 4, "technical-depth", 3, "structure", 4, "impact", 2),
                                "comment",
                                "On reflection."));
            }
            case "POST /api/sessions/{sessionId}/complete" -> new Fixture(Map.of("sessionId", answeredSession()), null);
            case "POST /api/sessions/{sessionId}/abandon" ->
                new Fixture(Map.of("sessionId", session()), Map.of("reason", "ran out of time"));
            default -> throw new IllegalStateException("no fixture for " + operation.key() + " yet: add one");
        };
    }

    private static Fixture body(Map<String, Object> body) {
        return new Fixture(Map.of(), body);
    }

    private String id(String kind) {
        return "corpus-" + kind + "-" + ++made;
    }

    private Map<String, Object> newAccountBody(String role) {
        String id = id("acc");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", id);
        body.put("displayName", "Corpus person");
        body.put("role", role);
        body.put("password", CommandApi.PASSWORD);
        return body;
    }

    /** An account opened by the admin, never logged in to: the corpus's failed logins throttle this address. */
    private String account(String role) {
        return read(created(admin.post("/api/accounts", newAccountBody(role))).getBody())
                .get("accountId")
                .asText();
    }

    private String cohort() {
        return admin.newCohort("Cohort " + id("cohort"), coach);
    }

    private String question() {
        String id = id("q");
        created(admin.post(
                "/api/questions",
                Map.of(
                        "questionId", id,
                        "theme", "databases",
                        "difficulty", "foundation",
                        "prompt", "What is an index?",
                        "strongAnswer", "A sorted structure for lookups.")));
        return id;
    }

    /** A new session of the candidate's on the corpus's question, in the cohort, reviewed by the coach. */
    private String session() {
        ResponseEntity<String> started = candidate.post(
                "/api/sessions", Map.of("cohortId", cohort, "mode", "coach", "questionIds", List.of(question)));
        created(started);
        JsonNode session = read(started.getBody());
        return session.get("sessionId").asText();
    }

    private String answeredSession() {
        String session = session();
        created(candidate.answer(session, question));
        return session;
    }

    private static ResponseEntity<String> created(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return response;
    }

    private static void accepted(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
    }
}
