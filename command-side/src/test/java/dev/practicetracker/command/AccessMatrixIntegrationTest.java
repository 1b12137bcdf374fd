package dev.practicetracker.command;

import static dev.practicetracker.command.CommandApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.database.FreshTestDatabase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the command side against every kind of caller. The endpoints are discovered from Spring MVC, so a
 * new endpoint without a row fails this test. Allowed cells must really succeed on a fixture of their own; refused
 * cells must change nothing in the event store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AutoConfigureObservability
class AccessMatrixIntegrationTest {

    /** The kinds of caller, in the order of each row's expected statuses. */
    enum Who {
        ANONYMOUS,
        OWNER,
        OTHER_CANDIDATE,
        COACH,
        OTHER_COACH,
        ADMIN
    }

    /** Reached only by the servlet container's error forwarding, never called as an endpoint of its own. */
    private static final Set<String> NOT_ENDPOINTS = Set.of("* /error");

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** Rows whose success cuts off the owner's tokens: the owner logs in again after such a cell, as a person would. */
    private static final Set<String> SIGNS_THE_OWNER_OUT =
            Set.of("PUT /api/accounts/{accountId}/password", "POST /api/accounts/{accountId}/sign-out-everywhere");

    private final Map<Who, CommandApi> callers = new EnumMap<>(Who.class);

    /** A retention period not set before, so that each admin call changes it. */
    private static final AtomicInteger RETENTION_DAYS = new AtomicInteger(30);

    private final List<String> bodies = new ArrayList<>();
    private CommandApi admin;
    private String ownerCohort;
    private String coachId;
    private String otherCoachId;
    private String ownerUsername;

    @BeforeAll
    void aCohortWithItsCoachAndCandidateAndAnotherCohortWithTheirs() {
        admin = new CommandApi(http, jdbc);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ownerUsername = "owner-" + suffix;
        CommandApi owner = admin.newCandidate(ownerUsername);
        CommandApi other = admin.newCandidate("other-" + suffix);
        CommandApi coach = admin.newCoach("coach-" + suffix);
        CommandApi otherCoach = admin.newCoach("coach2-" + suffix);
        coachId = coach.accountId();
        otherCoachId = otherCoach.accountId();
        ownerCohort = cohort(coachId, owner.accountId());
        cohort(otherCoachId, other.accountId());
        callers.put(Who.ANONYMOUS, CommandApi.anonymous(http, jdbc));
        callers.put(Who.OWNER, owner);
        callers.put(Who.OTHER_CANDIDATE, other);
        callers.put(Who.COACH, coach);
        callers.put(Who.OTHER_COACH, otherCoach);
        callers.put(Who.ADMIN, admin);
    }

    /** A request prepared for one caller, on a fixture made for that cell alone. */
    record Call(String path, Object body) {}

    record Row(HttpMethod method, String pattern, String expected, Function<Who, Call> prepare) {

        int expectedFor(Who who) {
            return Integer.parseInt(expected.trim().split("\\s+")[who.ordinal()]);
        }

        String key() {
            return method + " " + pattern;
        }
    }

    private List<Row> rows() {
        String q = "5334d047-5b51-340b-8076-d3678ab9e409";
        return List.of(
                // public
                new Row(
                        HttpMethod.POST,
                        "/api/auth/token",
                        "200 200 200 200 200 200",
                        who -> new Call(
                                "/api/auth/token",
                                Map.of("username", CommandApi.ADMIN_USERNAME, "password", CommandApi.ADMIN_PASSWORD))),
                new Row(
                        HttpMethod.POST,
                        "/api/auth/logout",
                        "204 204 204 204 204 204",
                        who -> new Call("/api/auth/logout", null)),
                new Row(HttpMethod.GET, "/api-docs", "200 200 200 200 200 200", who -> new Call("/api-docs", null)),
                new Row(
                        HttpMethod.GET,
                        "/api-docs.yaml",
                        "200 200 200 200 200 200",
                        who -> new Call("/api-docs.yaml", null)),
                new Row(
                        HttpMethod.GET,
                        "/api-docs/swagger-config",
                        "200 200 200 200 200 200",
                        who -> new Call("/api-docs/swagger-config", null)),
                // Swagger UI's entry (a redirect, followed here) and its page: open to everyone, like the description.
                new Row(
                        HttpMethod.GET,
                        "/swagger-ui.html",
                        "200 200 200 200 200 200",
                        who -> new Call("/swagger-ui.html", null)),
                new Row(
                        HttpMethod.GET,
                        "/actuator/health",
                        "200 200 200 200 200 200",
                        who -> new Call("/actuator/health", null)),
                new Row(
                        HttpMethod.GET,
                        "/actuator/prometheus",
                        "200 200 200 200 200 200",
                        who -> new Call("/actuator/prometheus", null)),
                new Row(
                        HttpMethod.GET,
                        "/actuator/info",
                        "401 403 403 403 403 200",
                        who -> new Call("/actuator/info", null)),
                // accounts
                new Row(HttpMethod.POST, "/api/accounts", "401 403 403 403 403 201", who -> {
                    String id = "acc-" + UUID.randomUUID().toString().substring(0, 12);
                    return new Call(
                            "/api/accounts",
                            Map.of(
                                    "username",
                                    id,
                                    "displayName",
                                    "New person",
                                    "role",
                                    "candidate",
                                    "password",
                                    CommandApi.PASSWORD));
                }),
                new Row(
                        HttpMethod.PUT,
                        "/api/accounts/{accountId}/role",
                        "401 403 403 403 403 202",
                        who -> new Call("/api/accounts/" + freshAccount() + "/role", Map.of("role", "coach"))),
                new Row(
                        HttpMethod.POST,
                        "/api/accounts/{accountId}/lock",
                        "401 403 403 403 403 202",
                        who -> new Call("/api/accounts/" + freshAccount() + "/lock", Map.of("reason", "test"))),
                new Row(HttpMethod.POST, "/api/accounts/{accountId}/unlock", "401 403 403 403 403 202", who -> {
                    String id = freshAccount();
                    expectStatus(admin.post("/api/accounts/" + id + "/lock", Map.of()), 202);
                    return new Call("/api/accounts/" + id + "/unlock", null);
                }),
                new Row(
                        HttpMethod.POST,
                        "/api/accounts/{accountId}/withdraw",
                        "401 403 403 403 403 202",
                        who -> new Call("/api/accounts/" + freshAccount() + "/withdraw", Map.of())),
                new Row(HttpMethod.POST, "/api/accounts/{accountId}/erase", "401 403 403 403 403 202", who -> {
                    String id = freshAccount();
                    expectStatus(admin.post("/api/accounts/" + id + "/withdraw", Map.of()), 202);
                    return new Call("/api/accounts/" + id + "/erase", Map.of("reason", "asked to be forgotten"));
                }),
                new Row(
                        HttpMethod.PUT,
                        "/api/admin/retention",
                        "401 403 403 403 403 202",
                        who -> new Call(
                                "/api/admin/retention",
                                Map.of("withdrawnErasedAfter", "P" + RETENTION_DAYS.incrementAndGet() + "D"))),
                // The owner's own account: the owner with its current password, or an admin; the password stays.
                new Row(
                        HttpMethod.PUT,
                        "/api/accounts/{accountId}/password",
                        "401 202 403 403 403 202",
                        who -> new Call(
                                "/api/accounts/" + callers.get(Who.OWNER).accountId() + "/password",
                                who == Who.ADMIN
                                        ? Map.of("password", CommandApi.PASSWORD)
                                        : Map.of(
                                                "password",
                                                CommandApi.PASSWORD,
                                                "currentPassword",
                                                CommandApi.PASSWORD))),
                // The owner's own account, or an admin; signs the owner out (the matrix logs the owner in again).
                new Row(
                        HttpMethod.POST,
                        "/api/accounts/{accountId}/sign-out-everywhere",
                        "401 202 403 403 403 202",
                        who -> new Call(
                                "/api/accounts/" + callers.get(Who.OWNER).accountId() + "/sign-out-everywhere", null)),
                // cohorts
                new Row(
                        HttpMethod.POST,
                        "/api/cohorts",
                        "401 403 403 403 403 201",
                        who -> new Call("/api/cohorts", Map.of("name", "Cohort", "coachId", coachId))),
                new Row(
                        HttpMethod.POST,
                        "/api/cohorts/{cohortId}/enrolments",
                        "401 403 403 403 403 201",
                        who -> new Call(
                                "/api/cohorts/" + ownerCohort + "/enrolments", Map.of("candidateId", freshAccount()))),
                new Row(HttpMethod.POST, "/api/cohorts/{cohortId}/withdrawals", "401 403 403 403 403 202", who -> {
                    String candidate = freshAccount();
                    expectStatus(
                            admin.post("/api/cohorts/" + ownerCohort + "/enrolments", Map.of("candidateId", candidate)),
                            201);
                    return new Call("/api/cohorts/" + ownerCohort + "/withdrawals", Map.of("candidateId", candidate));
                }),
                new Row(
                        HttpMethod.PUT,
                        "/api/cohorts/{cohortId}/coach",
                        "401 403 403 403 403 202",
                        who -> new Call(
                                "/api/cohorts/" + cohort(coachId, null) + "/coach", Map.of("coachId", otherCoachId))),
                // questions
                new Row(
                        HttpMethod.POST,
                        "/api/questions",
                        "401 403 403 201 201 201",
                        who -> new Call("/api/questions", question())),
                new Row(
                        HttpMethod.PUT,
                        "/api/questions/{questionId}",
                        "401 403 403 202 202 202",
                        who -> new Call(
                                "/api/questions/" + freshQuestion(),
                                Map.of("difficulty", "advanced", "prompt", "Why index?", "strongAnswer", "Reads."))),
                new Row(
                        HttpMethod.POST,
                        "/api/questions/{questionId}/retire",
                        "401 403 403 202 202 202",
                        who -> new Call("/api/questions/" + freshQuestion() + "/retire", Map.of())),
                // sessions: another candidate may start their own; the owner's session is hidden from them
                new Row(
                        HttpMethod.POST,
                        "/api/sessions",
                        "401 201 201 403 403 403",
                        who -> new Call("/api/sessions", Map.of("mode", "self", "questionIds", List.of(q)))),
                new Row(HttpMethod.POST, "/api/sessions/{sessionId}/answers", "401 201 404 403 403 403", who -> {
                    JsonNode session = freshSession();
                    return new Call(
                            "/api/sessions/" + session.get("sessionId").asText() + "/answers",
                            Map.of(
                                    "questionId",
                                    CommandApi.questionIds(session).get(0),
                                    "answer",
                                    "An index.",
                                    "timeSpentSeconds",
                                    30));
                }),
                new Row(
                        HttpMethod.POST,
                        "/api/sessions/{sessionId}/answers/{questionId}/ratings",
                        "401 201 404 201 404 403",
                        who -> {
                            String[] answered = answeredSession();
                            return new Call(
                                    "/api/sessions/" + answered[0] + "/answers/" + answered[1] + "/ratings",
                                    Map.of("scores", CommandApi.GOOD_SCORES));
                        }),
                new Row(
                        HttpMethod.PUT,
                        "/api/sessions/{sessionId}/answers/{questionId}/ratings/{raterId}",
                        "401 202 404 202 404 403",
                        who -> {
                            String[] answered = answeredSession();
                            CommandApi caller = callers.get(who);
                            if (who == Who.OWNER || who == Who.COACH) {
                                expectStatus(caller.rate(answered[0], answered[1]), 201);
                            }
                            String rater = who == Who.ANONYMOUS ? "someone" : caller.accountId();
                            return new Call(
                                    "/api/sessions/" + answered[0] + "/answers/" + answered[1] + "/ratings/" + rater,
                                    Map.of("scores", CommandApi.GOOD_SCORES));
                        }),
                new Row(
                        HttpMethod.POST,
                        "/api/sessions/{sessionId}/complete",
                        "401 202 404 403 403 403",
                        who -> new Call("/api/sessions/" + answeredSession()[0] + "/complete", null)),
                new Row(
                        HttpMethod.POST,
                        "/api/sessions/{sessionId}/abandon",
                        "401 202 404 403 403 403",
                        who -> new Call(
                                "/api/sessions/"
                                        + freshSession().get("sessionId").asText() + "/abandon",
                                null)));
    }

    @Test
    void everyEndpointHasARow() {
        Set<String> discovered = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of("*")
                    : info.getMethodsCondition().getMethods().stream()
                            .map(Enum::name)
                            .collect(java.util.stream.Collectors.toSet());
            for (String method : methods) {
                info.getPatternValues().forEach(pattern -> discovered.add(method + " " + pattern));
            }
        }
        discovered.removeAll(NOT_ENDPOINTS);
        Set<String> covered = new TreeSet<>();
        rows().forEach(row -> covered.add(row.key()));

        assertThat(covered).as("endpoints without a row in the access matrix").containsAll(discovered);
    }

    @Test
    void everyCallerGetsWhatThePolicySaysRefusalsWriteNothingAndNoResponseCarriesAPasswordHash() {
        Map<String, String> mismatches = new LinkedHashMap<>();
        for (Row row : rows()) {
            for (Who who : Who.values()) {
                Call call = row.prepare().apply(who);
                long before = admin.eventCount();
                ResponseEntity<String> response = send(callers.get(who), row.method(), call);
                int expected = row.expectedFor(who);
                int actual = response.getStatusCode().value();
                if (response.getBody() != null) {
                    bodies.add(response.getBody());
                }
                String cell = row.key() + " as " + who;
                if (actual != expected) {
                    mismatches.put(cell, "expected " + expected + ", got " + actual + ": " + response.getBody());
                } else if (actual >= 400 && admin.eventCount() != before) {
                    mismatches.put(cell, "refused with " + actual + " but events were written");
                }
                if (actual < 300 && SIGNS_THE_OWNER_OUT.contains(row.key())) {
                    callers.put(Who.OWNER, admin.as(ownerUsername));
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(bodies).isNotEmpty();
        assertThat(bodies)
                .as("no response carries a password hash")
                .noneMatch(body -> body.contains("$2a$") || body.contains("{bcrypt}"));
    }

    @Test
    void healthDetailsAreForAnAdminOnly() {
        JsonNode anonymous =
                read(callers.get(Who.ANONYMOUS).get("/actuator/health").getBody());
        JsonNode candidate = read(callers.get(Who.OWNER).get("/actuator/health").getBody());
        JsonNode asAdmin = read(admin.get("/actuator/health").getBody());

        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        assertThat(candidate.has("components")).isFalse();
        assertThat(asAdmin.has("components")).isTrue();
    }

    private ResponseEntity<String> send(CommandApi caller, HttpMethod method, Call call) {
        if (method == HttpMethod.GET) {
            return caller.get(call.path());
        }
        if (call.body() == null) {
            return caller.send(method, call.path(), null);
        }
        return method == HttpMethod.PUT ? caller.put(call.path(), call.body()) : caller.post(call.path(), call.body());
    }

    private String cohort(String coach, String candidate) {
        String cohortId = admin.newCohort("Cohort", coach);
        if (candidate != null) {
            expectStatus(admin.post("/api/cohorts/" + cohortId + "/enrolments", Map.of("candidateId", candidate)), 201);
        }
        return cohortId;
    }

    private String freshAccount() {
        return admin.newCandidate("acc-" + UUID.randomUUID().toString().substring(0, 12))
                .accountId();
    }

    private static Map<String, Object> question() {
        return Map.of(
                "questionId", "q-" + UUID.randomUUID(),
                "theme", "databases",
                "difficulty", "foundation",
                "prompt", "What is an index?",
                "strongAnswer", "A sorted structure for lookups.");
    }

    private String freshQuestion() {
        Map<String, Object> question = question();
        expectStatus(admin.post("/api/questions", question), 201);
        return (String) question.get("questionId");
    }

    /** A session of the owner's, in the cohort the coach runs, reviewed by the coach. */
    private JsonNode freshSession() {
        ResponseEntity<String> started = callers.get(Who.OWNER)
                .post(
                        "/api/sessions",
                        Map.of(
                                "cohortId",
                                ownerCohort,
                                "mode",
                                "coach",
                                "themes",
                                List.of("databases"),
                                "questionCount",
                                2));
        expectStatus(started, 201);
        return read(started.getBody());
    }

    private String[] answeredSession() {
        JsonNode session = freshSession();
        String sessionId = session.get("sessionId").asText();
        String question = CommandApi.questionIds(session).get(0);
        expectStatus(callers.get(Who.OWNER).answer(sessionId, question), 201);
        return new String[] {sessionId, question};
    }

    private static void expectStatus(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    }
}
