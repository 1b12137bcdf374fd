package dev.practicetracker.command;

import static dev.practicetracker.command.CommandApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.database.FreshTestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sessions, cohorts, accounts and questions share the event store's one space of stream ids. Nobody may learn from an
 * answer that an id is taken by something of another kind, nor take an id before its rightful owner: new things get
 * ids the server draws, and a command naming an id of another kind is answered exactly as one naming an unknown id.
 * Each cell of both tables must write no event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdSpaceIntegrationTest {

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private CommandApi admin;
    private CommandApi candidate;
    private Map<String, String> existing;
    /** A question of the session's other than the one in {@link #existing}, for paths that name a question too. */
    private String pathQuestion;

    @BeforeAll
    void oneThingOfEachKind() {
        admin = new CommandApi(http, jdbc);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        candidate = admin.newCandidate("ids-cand-" + suffix);
        String coach = admin.newCoach("ids-coach-" + suffix).accountId();
        String cohort = admin.newCohort("Id space", coach);
        JsonNode session = candidate.startSession(candidate.accountId(), "databases", 2);
        existing = new LinkedHashMap<>();
        existing.put("session", session.get("sessionId").asText());
        existing.put("cohort", cohort);
        existing.put("account", coach);
        existing.put("question", CommandApi.questionIds(session).get(0));
        pathQuestion = CommandApi.questionIds(session).get(1);
    }

    /** What each creating route is sent, as whom, and the field that would name the new thing's id. */
    private record Creation(String path, String idField, CommandApi caller, Map<String, Object> body) {}

    private List<Creation> creations() {
        return List.of(
                new Creation(
                        "/api/sessions",
                        "sessionId",
                        candidate,
                        Map.of("mode", "self", "themes", List.of("databases"), "questionCount", 1)),
                new Creation(
                        "/api/cohorts",
                        "cohortId",
                        admin,
                        Map.of("name", "Squatted", "coachId", existing.get("account"))),
                new Creation(
                        "/api/accounts",
                        "accountId",
                        admin,
                        Map.of(
                                "username",
                                "squat-" + UUID.randomUUID().toString().substring(0, 8),
                                "displayName",
                                "Squatter",
                                "role",
                                "candidate",
                                "password",
                                CommandApi.PASSWORD)));
    }

    @Test
    void nothingNewIsCreatedUnderAnIdTheClientChoseAndTheRefusalSaysNothingAboutWhetherTheIdIsTaken() {
        Map<String, String> mismatches = new LinkedHashMap<>();
        for (Creation creation : creations()) {
            String refusalOfAFreeId = null;
            List<String> ids = new java.util.ArrayList<>(existing.values());
            ids.add("never-used-" + UUID.randomUUID());
            for (String id : ids) {
                Map<String, Object> body = new LinkedHashMap<>(creation.body());
                body.put(creation.idField(), id);
                long before = admin.eventCount();
                ResponseEntity<String> response = creation.caller().post(creation.path(), body);
                String cell = "POST " + creation.path() + " naming " + id;
                String answer = response.getStatusCode().value() + " " + response.getBody();
                if (response.getStatusCode().value() != 400) {
                    mismatches.put(cell, "expected 400, got " + answer);
                } else if (admin.eventCount() != before) {
                    mismatches.put(cell, "refused but events were written");
                } else if (!read(response.getBody())
                        .path("errors")
                        .path(0)
                        .path("field")
                        .asText()
                        .equals(creation.idField())) {
                    mismatches.put(cell, "the refusal does not name " + creation.idField() + ": " + answer);
                }
                if (refusalOfAFreeId == null) {
                    refusalOfAFreeId = answer;
                } else if (!answer.equals(refusalOfAFreeId)) {
                    mismatches.put(cell, "answered " + answer + " where another id got " + refusalOfAFreeId);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyCreatedThingGetsAnOpaqueIdOfTheServersChoosing() {
        for (Creation creation : creations()) {
            ResponseEntity<String> first = creation.caller().post(creation.path(), creation.body());
            assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
            String id = read(first.getBody()).get(creation.idField()).asText();
            assertThat(UUID.fromString(id)).as(creation.path()).isNotNull();
            assertThat(existing).doesNotContainValue(id);
            assertThat(first.getHeaders().getLocation()).hasToString(creation.path() + "/" + id);
        }
    }

    /** Each command route with an id in its path: who sends it and a body it would accept on a thing of its kind. */
    private record Route(HttpMethod method, String pattern, String kind, CommandApi caller, Object body) {

        String key() {
            return method + " " + pattern;
        }
    }

    private List<Route> routes() {
        String q = existing.get("question");
        String self = candidate.accountId();
        Map<String, Object> scores = Map.of("scores", CommandApi.GOOD_SCORES);
        return List.of(
                new Route(
                        HttpMethod.POST,
                        "/api/sessions/{sessionId}/answers",
                        "session",
                        candidate,
                        Map.of("questionId", q, "answer", "An index.", "timeSpentSeconds", 30)),
                new Route(
                        HttpMethod.POST,
                        "/api/sessions/{sessionId}/answers/{questionId}/ratings",
                        "session",
                        candidate,
                        scores),
                new Route(
                        HttpMethod.PUT,
                        "/api/sessions/{sessionId}/answers/{questionId}/ratings/{raterId}",
                        "session",
                        candidate,
                        scores),
                new Route(HttpMethod.POST, "/api/sessions/{sessionId}/complete", "session", candidate, null),
                new Route(HttpMethod.POST, "/api/sessions/{sessionId}/abandon", "session", candidate, Map.of()),
                new Route(
                        HttpMethod.POST,
                        "/api/cohorts/{cohortId}/enrolments",
                        "cohort",
                        admin,
                        Map.of("candidateId", self)),
                new Route(
                        HttpMethod.POST,
                        "/api/cohorts/{cohortId}/withdrawals",
                        "cohort",
                        admin,
                        Map.of("candidateId", self)),
                new Route(
                        HttpMethod.PUT,
                        "/api/cohorts/{cohortId}/coach",
                        "cohort",
                        admin,
                        Map.of("coachId", existing.get("account"))),
                new Route(HttpMethod.PUT, "/api/accounts/{accountId}/role", "account", admin, Map.of("role", "coach")),
                new Route(HttpMethod.POST, "/api/accounts/{accountId}/lock", "account", admin, Map.of()),
                new Route(HttpMethod.POST, "/api/accounts/{accountId}/unlock", "account", admin, null),
                new Route(HttpMethod.POST, "/api/accounts/{accountId}/withdraw", "account", admin, Map.of()),
                new Route(
                        HttpMethod.PUT,
                        "/api/accounts/{accountId}/password",
                        "account",
                        admin,
                        Map.of("password", "another good passphrase")),
                new Route(HttpMethod.POST, "/api/accounts/{accountId}/sign-out-everywhere", "account", admin, null),
                new Route(
                        HttpMethod.POST,
                        "/api/accounts/{accountId}/erase",
                        "account",
                        admin,
                        Map.of("reason", "asked to be forgotten")),
                new Route(
                        HttpMethod.PUT,
                        "/api/questions/{questionId}",
                        "question",
                        admin,
                        Map.of("difficulty", "advanced", "prompt", "Why index?", "strongAnswer", "Reads.")),
                new Route(HttpMethod.POST, "/api/questions/{questionId}/retire", "question", admin, Map.of()));
    }

    @Test
    void everyCommandRouteWithAnIdInItsPathHasARow() {
        Set<String> discovered = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.contains("{")) {
                    info.getMethodsCondition().getMethods().forEach(m -> discovered.add(m.name() + " " + pattern));
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        routes().forEach(route -> covered.add(route.key()));
        assertThat(covered).containsAll(discovered);
    }

    @Test
    void aCommandNamingAnotherKindsIdIsAnsweredExactlyAsOneNamingAnUnknownIdAndWritesNothing() {
        Map<String, String> mismatches = new LinkedHashMap<>();
        for (Route route : routes()) {
            String unknown = "unknown-" + UUID.randomUUID();
            String expected = answer(route, unknown).replace(unknown, "{id}");
            assertThat(expected).as(route.key() + " on an unknown id").startsWith("404 ");
            existing.forEach((kind, id) -> {
                if (kind.equals(route.kind())) {
                    return;
                }
                long before = admin.eventCount();
                String actual = answer(route, id).replace(id, "{id}");
                String cell = route.key() + " naming a " + kind + "'s id";
                if (!actual.equals(expected)) {
                    mismatches.put(cell, "answered " + actual + " where an unknown id got " + expected);
                } else if (admin.eventCount() != before) {
                    mismatches.put(cell, "refused but events were written");
                }
            });
        }
        assertThat(mismatches).isEmpty();
    }

    private String answer(Route route, String id) {
        String path = route.pattern()
                .replace("{" + route.kind() + "Id}", id)
                .replace("{questionId}", pathQuestion)
                .replace("{raterId}", candidate.accountId());
        String body = route.body() == null ? null : write(route.body());
        ResponseEntity<String> response = route.caller().send(route.method(), path, body);
        return response.getStatusCode().value() + " " + response.getBody();
    }

    private static String write(Object body) {
        try {
            return CommandApi.JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
