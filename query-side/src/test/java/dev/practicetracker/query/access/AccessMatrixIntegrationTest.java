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
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every query-side endpoint against every kind of caller, as the README's "Accounts and access" says: anonymous 401, a
 * role that may not call it 403, someone else's data 404 (reading exactly like data that does not exist), and the
 * allowed cells really answering. The endpoints are discovered from the application, so a new one without a row fails.
 */
class AccessMatrixIntegrationTest extends ReadSideIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Live streams the tests opened, left open: the server closes them when it shuts down. A stream its reader closed
     * is noticed only at the server's next write, and graceful shutdown would wait for it.
     */
    private static final List<InputStream> OPEN_STREAMS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The callers, in the order of each row's expectations. */
    enum Caller {
        ANONYMOUS,
        CANDIDATE,
        OTHER_CANDIDATE,
        COACH,
        OTHER_COACH,
        ADMIN
    }

    /** Answered by the servlet container's error handling, not an endpoint anyone calls. */
    private static final Set<String> NOT_ENDPOINTS = Set.of("GET /error");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private final String prefix = UUID.randomUUID().toString().substring(0, 8);
    private final String candidate = "cand-" + prefix + "-a";
    private final String otherCandidate = "cand-" + prefix + "-b";
    private final String cohortMate = "cand-" + prefix + "-m";
    private final String coach = "coach-" + prefix + "-k";
    private final String otherCoach = "coach-" + prefix + "-l";
    private final String cohort = "cohort-" + prefix;
    private final String otherCohort = "cohort-" + prefix + "-other";
    private final String question = "q-" + prefix;
    private Practice coachSession;
    private Practice peerSession;

    @BeforeEach
    void aCohortWithACandidateWhoPractisedAndSomeoneElse() {
        Instant start = Instant.now().minus(2, ChronoUnit.DAYS);
        coachSession = Practice.of(candidate, cohort, Theme.DATABASES, question);
        peerSession = Practice.of(candidate, cohort, Theme.GIT);
        Practice othersSession = Practice.of(otherCandidate, otherCohort, Theme.DATABASES);
        append(
                new QuestionAddedEvent(
                        QuestionId.of(question),
                        Theme.DATABASES,
                        Difficulty.FOUNDATION,
                        "Why index?",
                        "Because reads.",
                        "test",
                        start),
                new CohortCreatedEvent(CohortId.of(cohort), "Cohort " + prefix, CoachId.of(coach), start),
                new CohortCreatedEvent(CohortId.of(otherCohort), "Other " + prefix, CoachId.of(otherCoach), start),
                new CandidateEnrolledEvent(CohortId.of(cohort), CandidateId.of(candidate), start),
                new CandidateEnrolledEvent(CohortId.of(cohort), CandidateId.of(cohortMate), start),
                new CandidateEnrolledEvent(CohortId.of(otherCohort), CandidateId.of(otherCandidate), start),
                coachSession.started(ReviewMode.COACH, start.plusSeconds(60)),
                coachSession.answered(start.plusSeconds(120)),
                coachSession.rated(candidate, RaterRole.SELF, 3, start.plusSeconds(180)),
                peerSession.started(ReviewMode.PEER, start.plusSeconds(600)),
                peerSession.answered(start.plusSeconds(660)),
                othersSession.started(ReviewMode.COACH, start.plusSeconds(60)),
                othersSession.answered(start.plusSeconds(120)));
        for (String account : List.of(candidate, otherCandidate, cohortMate)) {
            account(account, Role.CANDIDATE);
        }
        account(coach, Role.COACH);
        account(otherCoach, Role.COACH);
        account(ADMIN, Role.ADMIN);
        awaitCaughtUp();
    }

    /** A row: the endpoint as mapped, the path asked, and per caller (in {@link Caller} order) the status expected. */
    record Row(String endpoint, String path, int... expected) {}

    private List<Row> rows() {
        String c = "/api/candidates/" + candidate;
        int[] candidateData = {401, 200, 404, 200, 404, 403};
        int[] coachOnly = {401, 403, 403, 200, 404, 403};
        int[] anyAccount = {401, 200, 200, 200, 200, 200};
        int[] adminOnly = {401, 403, 403, 403, 403, 200};
        int[] everyone = {200, 200, 200, 200, 200, 200};
        List<Row> rows = new ArrayList<>(List.of(
                new Row("GET /api/candidates/{candidateId}/profile", c + "/profile", candidateData),
                new Row("GET /api/candidates/{candidateId}/progress", c + "/progress", candidateData),
                new Row("GET /api/candidates/{candidateId}/calibration", c + "/calibration", candidateData),
                new Row("GET /api/candidates/{candidateId}/next", c + "/next", candidateData),
                new Row("GET /api/candidates/{candidateId}/criteria", c + "/criteria", candidateData),
                new Row("GET /api/candidates/{candidateId}/readiness", c + "/readiness", candidateData),
                new Row("GET /api/candidates/{candidateId}/jumps", c + "/jumps", candidateData),
                new Row("GET /api/candidates/{candidateId}/profile/stream", c + "/profile/stream", candidateData),
                new Row("GET /api/candidates/{candidateId}/sessions", c + "/sessions", candidateData),
                new Row("GET /api/candidates/{candidateId}/history.csv", c + "/history.csv", candidateData),
                new Row("GET /api/candidates/{candidateId}/export", c + "/export", 401, 200, 403, 403, 403, 200),
                new Row("GET /api/sessions/{sessionId}", "/api/sessions/" + coachSession.session(), candidateData),
                new Row(
                        "GET /api/coaches/{coachId}/review-queue",
                        "/api/coaches/" + coach + "/review-queue",
                        coachOnly),
                new Row("GET /api/coaches/{coachId}/cohorts", "/api/coaches/" + coach + "/cohorts", coachOnly),
                new Row("GET /api/cohorts/{cohortId}/overview", "/api/cohorts/" + cohort + "/overview", coachOnly),
                new Row(
                        "GET /api/cohorts/{cohortId}/overview.csv",
                        "/api/cohorts/" + cohort + "/overview.csv",
                        coachOnly),
                new Row("GET /api/questions", "/api/questions", anyAccount),
                new Row("GET /api/questions/{questionId}", "/api/questions/" + question, anyAccount),
                new Row("GET /api/themes", "/api/themes", anyAccount),
                new Row("GET /api/me", "/api/me", anyAccount),
                new Row("GET /api/admin/accounts", "/api/admin/accounts?role=candidate", adminOnly),
                new Row(
                        "GET /api/admin/accounts/{accountId}/history",
                        "/api/admin/accounts/" + candidate + "/history",
                        adminOnly),
                new Row("GET /api/admin/cohorts", "/api/admin/cohorts", adminOnly),
                new Row("GET /api/admin/dead-letters", "/api/admin/dead-letters", adminOnly),
                new Row("POST /api/admin/dead-letters/retry", "/api/admin/dead-letters/retry", adminOnly),
                new Row("GET /api/admin/rebuild", "/api/admin/rebuild", adminOnly),
                new Row("GET /api/admin/retention", "/api/admin/retention", adminOnly),
                new Row("GET /api-docs", "/api-docs", everyone),
                new Row("GET /api-docs.yaml", "/api-docs.yaml", everyone),
                new Row("GET /api-docs/swagger-config", "/api-docs/swagger-config", everyone),
                // Swagger UI's entry redirects to its page, open to everyone like the description it shows.
                new Row("GET /swagger-ui.html", "/swagger-ui.html", 302, 302, 302, 302, 302, 302),
                new Row("GET /actuator/health", "/actuator/health", everyone),
                new Row("GET /actuator/health/liveness", "/actuator/health/liveness", everyone),
                new Row("GET /actuator/prometheus", "/actuator/prometheus", everyone)));
        // Last, since the admin's cell empties and rebuilds every read model.
        rows.add(new Row("POST /api/admin/rebuild", "/api/admin/rebuild", 401, 403, 403, 403, 403, 202));
        return rows;
    }

    @Test
    void everyEndpointOfTheApplicationHasARowInTheMatrix() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    mapped.add("GET " + pattern);
                }
                methods.forEach(method -> mapped.add(method + " " + pattern));
            }
        });
        mapped.removeAll(NOT_ENDPOINTS);
        Set<String> covered = new TreeSet<>();
        rows().forEach(row -> covered.add(row.endpoint()));

        assertThat(covered).containsAll(mapped);
    }

    @Test
    void everyCallerGetsWhatThePolicySaysAndDeniedAnswersCarryNoneOfTheCandidatesData() throws Exception {
        Map<Caller, String> tokens = new LinkedHashMap<>();
        tokens.put(Caller.CANDIDATE, token(candidate, Role.CANDIDATE));
        tokens.put(Caller.OTHER_CANDIDATE, token(otherCandidate, Role.CANDIDATE));
        tokens.put(Caller.COACH, token(coach, Role.COACH));
        tokens.put(Caller.OTHER_COACH, token(otherCoach, Role.COACH));
        tokens.put(Caller.ADMIN, token(ADMIN, Role.ADMIN));
        SoftAssertions softly = new SoftAssertions();
        for (Row row : rows()) {
            for (Caller caller : Caller.values()) {
                int expected = row.expected()[caller.ordinal()];
                String method = row.endpoint().substring(0, row.endpoint().indexOf(' '));
                Answer answer = call(method, row.path(), tokens.get(caller));
                String cell = row.endpoint() + " as " + caller;
                softly.assertThat(answer.status())
                        .as(cell + ": " + answer.body())
                        .isEqualTo(expected);
                if (expected >= 400) {
                    softly.assertThat(answer.contentType()).as(cell).contains("application/problem+json");
                    softly.assertThat(answer.body())
                            .as(cell)
                            .doesNotContain(displayName(candidate), coachSession.answer(), "Cohort " + prefix);
                }
                if (expected == 404 && row.path().contains(candidate)) {
                    String nobody = "cand-" + UUID.randomUUID();
                    Answer unknown = call(method, row.path().replace(candidate, nobody), tokens.get(caller));
                    softly.assertThat(answer.body().replace(candidate, "X"))
                            .as(cell + " reads like an unknown candidate")
                            .isEqualTo(unknown.body().replace(nobody, "X"));
                }
            }
        }
        softly.assertAll();
        awaitRebuildDone(tokens.get(Caller.ADMIN));
    }

    @Test
    void aCohortMateReadsAPeerSessionButNotTheCandidatesOtherSessionsOrProfile() throws Exception {
        String mate = token(cohortMate, Role.CANDIDATE);

        assertThat(call("GET", "/api/sessions/" + peerSession.session(), mate).status())
                .isEqualTo(200);
        assertThat(call("GET", "/api/sessions/" + coachSession.session(), mate).status())
                .isEqualTo(404);
        assertThat(call("GET", "/api/candidates/" + candidate + "/profile", mate)
                        .status())
                .isEqualTo(404);
        assertThat(call("GET", "/api/sessions/" + peerSession.session(), token(otherCandidate, Role.CANDIDATE))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aCoachNoLongerSeesACandidateWhoLeftTheirCohort() throws Exception {
        String token = token(coach, Role.COACH);
        assertThat(call("GET", "/api/candidates/" + candidate + "/profile", token)
                        .status())
                .isEqualTo(200);

        appendAndWait(new dev.practicetracker.events.cohort.CandidateWithdrawnEvent(
                CohortId.of(cohort), CandidateId.of(candidate), "moved on", Instant.now()));

        assertThat(call("GET", "/api/candidates/" + candidate + "/profile", token)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theLiveStreamIsTheOwnersAloneAndSendsThemTheProfile() throws Exception {
        String path = "/api/candidates/" + candidate + "/profile/stream";
        assertThat(call("GET", path, null).status()).isEqualTo(401);
        assertThat(call("GET", path, token(otherCandidate, Role.CANDIDATE)).status())
                .isEqualTo(404);

        HttpResponse<InputStream> stream = client.send(
                request("GET", path, token(candidate, Role.CANDIDATE))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        OPEN_STREAMS.add(stream.body());
        String first = firstEvent(stream.body());
        assertThat(first).contains("event:profile").contains(candidate);
    }

    private static String firstEvent(InputStream body) throws IOException {
        StringBuilder read = new StringBuilder();
        int next;
        while ((next = body.read()) != -1) {
            read.append((char) next);
            if (read.indexOf("\n\n") >= 0 && read.indexOf("data:") >= 0) {
                break;
            }
        }
        return read.toString();
    }

    private void awaitRebuildDone(String adminToken) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Answer progress = call("GET", "/api/admin/rebuild", adminToken);
                    return progress.status() == 200
                            && "done"
                                    .equals(JSON.readTree(progress.body())
                                            .get("state")
                                            .asText());
                });
        awaitCaughtUp();
    }

    record Answer(int status, String contentType, String body) {}

    Answer call(String method, String path, String token) throws IOException, InterruptedException {
        HttpResponse<InputStream> response =
                client.send(request(method, path, token).build(), HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.startsWith("text/event-stream")) {
            // A live stream that was let in never ends: its status and type are the answer.
            OPEN_STREAMS.add(response.body());
            return new Answer(response.statusCode(), contentType, "");
        }
        try (InputStream in = response.body()) {
            return new Answer(
                    response.statusCode(), contentType, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private HttpRequest.Builder request(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }
}
