package dev.practicetracker.command;

import static dev.practicetracker.command.CommandApi.read;
import static dev.practicetracker.command.CommandApi.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.database.FreshTestDatabase;
import dev.practicetracker.database.TestDatabases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every command is safe to retry with an {@code Idempotency-Key}: the same request again gets the first answer and
 * writes nothing more, on every command route (discovered from Spring MVC, so a new route without a fixture fails),
 * also when both copies arrive at once, also when one attempt lost a race on its aggregate and was decided again, and
 * after a restart; the same key with another request is refused and writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyIntegrationTest {

    /** Routes that are not commands: logging in and out answer a token, never a stored result. */
    private static final Set<String> NOT_COMMANDS = Set.of("POST /api/auth/token", "POST /api/auth/logout");

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private final ExecutorService clients = Executors.newFixedThreadPool(8);
    private CommandApi admin;
    private CommandApi candidate;
    private String coach;
    private String otherCoach;
    private String cohort;
    private int made;

    @BeforeAll
    void accountsAndACohort() {
        admin = new CommandApi(http, jdbc);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        candidate = admin.newCandidate("idem-cand-" + suffix);
        coach = admin.newCoach("idem-coach-" + suffix).accountId();
        otherCoach = admin.newCoach("idem-coach2-" + suffix).accountId();
        cohort = admin.newCohort("Idempotent cohort", coach);
        expect(admin.post("/api/cohorts/" + cohort + "/enrolments", Map.of("candidateId", candidate.accountId())), 201);
    }

    @AfterAll
    void stop() {
        clients.shutdownNow();
    }

    /** One valid request: who sends it, where, with what body (null for none). */
    record Request(CommandApi caller, HttpMethod method, String path, Object body) {

        ResponseEntity<String> send(String key) {
            return caller.send(method, path, body == null ? null : write(body), key);
        }
    }

    /** Each command route and how to make a fresh valid request of it; two calls give two different requests. */
    private Map<String, Supplier<Request>> routes() {
        Map<String, Supplier<Request>> routes = new LinkedHashMap<>();
        routes.put("POST /api/accounts", () -> new Request(admin, HttpMethod.POST, "/api/accounts", accountBody()));
        routes.put(
                "PUT /api/accounts/{accountId}/role",
                () -> new Request(
                        admin, HttpMethod.PUT, "/api/accounts/" + account() + "/role", Map.of("role", "coach")));
        routes.put(
                "POST /api/accounts/{accountId}/lock",
                () -> new Request(
                        admin, HttpMethod.POST, "/api/accounts/" + account() + "/lock", Map.of("reason", "r")));
        routes.put("POST /api/accounts/{accountId}/unlock", () -> {
            String locked = account();
            expect(admin.post("/api/accounts/" + locked + "/lock", Map.of()), 202);
            return new Request(admin, HttpMethod.POST, "/api/accounts/" + locked + "/unlock", null);
        });
        routes.put(
                "POST /api/accounts/{accountId}/withdraw",
                () -> new Request(admin, HttpMethod.POST, "/api/accounts/" + account() + "/withdraw", Map.of()));
        routes.put(
                "PUT /api/accounts/{accountId}/password",
                () -> new Request(
                        admin,
                        HttpMethod.PUT,
                        "/api/accounts/" + account() + "/password",
                        Map.of("password", "another good passphrase " + ++made)));
        routes.put("POST /api/accounts/{accountId}/erase", () -> {
            String withdrawn = account();
            expect(admin.post("/api/accounts/" + withdrawn + "/withdraw", Map.of()), 202);
            return new Request(
                    admin, HttpMethod.POST, "/api/accounts/" + withdrawn + "/erase", Map.of("reason", "asked"));
        });
        routes.put(
                "PUT /api/admin/retention",
                () -> new Request(
                        admin,
                        HttpMethod.PUT,
                        "/api/admin/retention",
                        Map.of("withdrawnErasedAfter", "P" + (30 + ++made) + "D")));
        routes.put(
                "POST /api/accounts/{accountId}/sign-out-everywhere",
                () -> new Request(admin, HttpMethod.POST, "/api/accounts/" + account() + "/sign-out-everywhere", null));
        routes.put(
                "POST /api/cohorts",
                () -> new Request(
                        admin, HttpMethod.POST, "/api/cohorts", Map.of("name", "Cohort " + ++made, "coachId", coach)));
        routes.put(
                "POST /api/cohorts/{cohortId}/enrolments",
                () -> new Request(
                        admin,
                        HttpMethod.POST,
                        "/api/cohorts/" + cohort + "/enrolments",
                        Map.of("candidateId", account())));
        routes.put("POST /api/cohorts/{cohortId}/withdrawals", () -> {
            String enrolled = account();
            expect(admin.post("/api/cohorts/" + cohort + "/enrolments", Map.of("candidateId", enrolled)), 201);
            return new Request(
                    admin, HttpMethod.POST, "/api/cohorts/" + cohort + "/withdrawals", Map.of("candidateId", enrolled));
        });
        routes.put(
                "PUT /api/cohorts/{cohortId}/coach",
                () -> new Request(
                        admin,
                        HttpMethod.PUT,
                        "/api/cohorts/" + admin.newCohort("Cohort " + ++made, coach) + "/coach",
                        Map.of("coachId", otherCoach)));
        routes.put("POST /api/questions", () -> new Request(admin, HttpMethod.POST, "/api/questions", questionBody()));
        routes.put(
                "PUT /api/questions/{questionId}",
                () -> new Request(
                        admin,
                        HttpMethod.PUT,
                        "/api/questions/" + question(),
                        Map.of("difficulty", "advanced", "prompt", "Why index?", "strongAnswer", "Reads.")));
        routes.put(
                "POST /api/questions/{questionId}/retire",
                () -> new Request(admin, HttpMethod.POST, "/api/questions/" + question() + "/retire", Map.of()));
        routes.put(
                "POST /api/sessions",
                () -> new Request(
                        candidate,
                        HttpMethod.POST,
                        "/api/sessions",
                        Map.of("themes", List.of("databases"), "questionCount", 1 + ++made % 3)));
        routes.put("POST /api/sessions/{sessionId}/answers", () -> {
            JsonNode session = session();
            return new Request(
                    candidate,
                    HttpMethod.POST,
                    "/api/sessions/" + session.get("sessionId").asText() + "/answers",
                    Map.of(
                            "questionId",
                            CommandApi.questionIds(session).get(0),
                            "answer",
                            "An index.",
                            "timeSpentSeconds",
                            30));
        });
        routes.put("POST /api/sessions/{sessionId}/answers/{questionId}/ratings", () -> {
            String[] answered = answeredSession();
            return new Request(
                    candidate,
                    HttpMethod.POST,
                    "/api/sessions/" + answered[0] + "/answers/" + answered[1] + "/ratings",
                    Map.of("scores", CommandApi.GOOD_SCORES));
        });
        routes.put("PUT /api/sessions/{sessionId}/answers/{questionId}/ratings/{raterId}", () -> {
            String[] answered = answeredSession();
            expect(candidate.rate(answered[0], answered[1]), 201);
            return new Request(
                    candidate,
                    HttpMethod.PUT,
                    "/api/sessions/" + answered[0] + "/answers/" + answered[1] + "/ratings/" + candidate.accountId(),
                    Map.of(
                            "scores",
                            Map.of("clarity", 5, "reasoning", 4, "technical-depth", 3, "structure", 4, "impact", 2)));
        });
        routes.put(
                "POST /api/sessions/{sessionId}/complete",
                () -> new Request(
                        candidate, HttpMethod.POST, "/api/sessions/" + answeredSession()[0] + "/complete", null));
        routes.put(
                "POST /api/sessions/{sessionId}/abandon",
                () -> new Request(
                        candidate,
                        HttpMethod.POST,
                        "/api/sessions/" + session().get("sessionId").asText() + "/abandon",
                        Map.of("reason", "out of time")));
        return routes;
    }

    @Test
    void everyChangingRouteOfTheCommandSideHasAFixture() {
        Set<String> discovered = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            info.getMethodsCondition().getMethods().stream()
                    .filter(method -> Set.of("POST", "PUT", "PATCH", "DELETE").contains(method.name()))
                    .forEach(method ->
                            info.getPatternValues().forEach(pattern -> discovered.add(method.name() + " " + pattern)));
        }
        discovered.removeAll(NOT_COMMANDS);
        assertThat(routes().keySet()).containsExactlyInAnyOrderElementsOf(discovered);
    }

    @Test
    void onEveryRouteARetryWithTheSameKeyGetsTheFirstAnswerAndAnotherRequestWithItIsRefusedWritingNothing() {
        Map<String, String> mismatches = new LinkedHashMap<>();
        routes().forEach((route, fresh) -> {
            Request first = fresh.get();
            Request other = fresh.get();
            String key = UUID.randomUUID().toString();

            long before = admin.eventCount();
            ResponseEntity<String> original = first.send(key);
            long written = admin.eventCount() - before;
            ResponseEntity<String> retried = first.send(key);
            long afterRetry = admin.eventCount();
            ResponseEntity<String> reused = other.send(key);

            if (!original.getStatusCode().is2xxSuccessful() || written < 1) {
                mismatches.put(route, "the first request was not accepted with events: " + original);
            } else if (!answer(retried).equals(answer(original))) {
                mismatches.put(route, "the retry got " + answer(retried) + " where the first got " + answer(original));
            } else if (afterRetry != before + written) {
                mismatches.put(route, "the retry wrote " + (afterRetry - before - written) + " events more");
            } else if (reused.getStatusCode().value() != 422
                    || !read(reused.getBody()).path("type").asText().equals("/problems/idempotency-key-reused")) {
                mismatches.put(route, "another request with the used key got " + answer(reused));
            } else if (admin.eventCount() != afterRetry) {
                mismatches.put(route, "another request with the used key wrote events");
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aMalformedKeyIsRefusedBeforeAnythingIsDecided() {
        long before = admin.eventCount();
        for (String key : List.of("", "has space", "\"unterminated", "x".repeat(256), "tab\there")) {
            ResponseEntity<String> response = candidate.send(
                    HttpMethod.POST,
                    "/api/sessions",
                    write(Map.of("themes", List.of("git"), "questionCount", 1)),
                    key.isEmpty() ? " " : key);
            assertThat(response.getStatusCode().value())
                    .as(key + ": " + response.getBody())
                    .isEqualTo(400);
            assertThat(read(response.getBody())
                            .path("errors")
                            .path(0)
                            .path("field")
                            .asText())
                    .isEqualTo("Idempotency-Key");
        }
        assertThat(admin.eventCount()).isEqualTo(before);
    }

    /**
     * Two copies of one request at the same moment: one is decided, the other gets its answer or, while the first is
     * still being decided, 409 with Retry-After and, sent again, the first's answer. Meanwhile the session's answers
     * race on one aggregate, so some attempts are decided again by the conflict retry with their key.
     */
    @Test
    void copiesSentAtOnceAreDecidedOnceEvenWhenTheirAggregateIsContended() throws Exception {
        JsonNode session = read(expect(
                        candidate.post(
                                "/api/sessions",
                                Map.of(
                                        "cohortId",
                                        cohort,
                                        "mode",
                                        "coach",
                                        "themes",
                                        List.of("databases"),
                                        "questionCount",
                                        4)),
                        201)
                .getBody());
        String sessionId = session.get("sessionId").asText();
        List<String> questions = CommandApi.questionIds(session);
        long before = admin.eventCount("QuestionAnsweredEvent");
        CyclicBarrier together = new CyclicBarrier(questions.size() * 2);
        List<Future<String[]>> sent = new ArrayList<>();
        for (String question : questions) {
            Request request = new Request(
                    candidate,
                    HttpMethod.POST,
                    "/api/sessions/" + sessionId + "/answers",
                    Map.of("questionId", question, "answer", "At once.", "timeSpentSeconds", 20));
            String key = UUID.randomUUID().toString();
            for (int copy = 0; copy < 2; copy++) {
                sent.add(clients.submit(() -> {
                    together.await();
                    return new String[] {key, answerOrRetryAfterInFlight(request, key)};
                }));
            }
        }
        Map<String, Set<String>> answersByKey = new LinkedHashMap<>();
        for (Future<String[]> future : sent) {
            String[] outcome = future.get();
            answersByKey.computeIfAbsent(outcome[0], k -> new TreeSet<>()).add(outcome[1]);
        }

        assertThat(answersByKey).hasSize(questions.size());
        answersByKey.forEach((key, answers) -> {
            assertThat(answers).as("both copies of " + key + " got one answer").hasSize(1);
            assertThat(answers.iterator().next()).startsWith("201 ");
        });
        assertThat(admin.eventCount("QuestionAnsweredEvent") - before).isEqualTo(questions.size());
    }

    @Test
    void aRetryAfterARestartOnTheSameDatabaseGetsTheFirstAnswer() {
        String url = TestDatabases.createDatabase();
        String key = UUID.randomUUID().toString();
        String first;
        long events;
        try (ConfigurableApplicationContext context = start(url)) {
            CommandApi api = api(context).newCandidate("idem-restart");
            first = answer(api.send(
                    HttpMethod.POST,
                    "/api/sessions",
                    write(Map.of("themes", List.of("git"), "questionCount", 2)),
                    key));
            events = api.eventCount();
        }
        assertThat(first).startsWith("201 ");
        try (ConfigurableApplicationContext context = start(url)) {
            CommandApi api = api(context).as("idem-restart");
            String again = answer(api.send(
                    HttpMethod.POST,
                    "/api/sessions",
                    write(Map.of("themes", List.of("git"), "questionCount", 2)),
                    key));

            assertThat(again).isEqualTo(first);
            assertThat(api.eventCount()).isEqualTo(events);
        }
    }

    @Test
    void aKeyOlderThanTheRetentionIsForgottenAndItsRequestDecidedAgain() {
        String key = UUID.randomUUID().toString();
        String body = write(Map.of("themes", List.of("git"), "questionCount", 1));
        String first = read(expect(candidate.send(HttpMethod.POST, "/api/sessions", body, key), 201)
                        .getBody())
                .get("sessionId")
                .asText();
        jdbc.update(
                "UPDATE command_idempotency_keys SET created_at = created_at - interval '25 hours'"
                        + " WHERE idempotency_key = ?",
                key);

        String again = read(expect(candidate.send(HttpMethod.POST, "/api/sessions", body, key), 201)
                        .getBody())
                .get("sessionId")
                .asText();

        assertThat(again)
                .as("a new session: the expired key no longer stands for the first")
                .isNotEqualTo(first);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM command_idempotency_keys WHERE idempotency_key = ?", Long.class, key))
                .isEqualTo(1);
    }

    /** Sends until the request is answered other than "in flight", as a client honouring Retry-After would. */
    private String answerOrRetryAfterInFlight(Request request, String key) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            ResponseEntity<String> response = request.send(key);
            if (response.getStatusCode().value() != 409
                    || !read(response.getBody()).path("type").asText().equals("/problems/idempotency-key-in-flight")) {
                return answer(response);
            }
            assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            Thread.sleep(100);
        }
        throw new AssertionError("still in flight after 50 tries");
    }

    private static String answer(ResponseEntity<String> response) {
        return response.getStatusCode().value() + " " + response.getHeaders().getLocation() + " " + response.getBody();
    }

    private Map<String, Object> accountBody() {
        return Map.of(
                "username",
                "idem-" + UUID.randomUUID().toString().substring(0, 12),
                "displayName",
                "Idempotent person",
                "role",
                "candidate",
                "password",
                CommandApi.PASSWORD);
    }

    private String account() {
        return read(expect(admin.post("/api/accounts", accountBody()), 201).getBody())
                .get("accountId")
                .asText();
    }

    private static Map<String, Object> questionBody() {
        return Map.of(
                "theme", "databases",
                "difficulty", "foundation",
                "prompt", "What is an index, case " + UUID.randomUUID() + "?",
                "strongAnswer", "A sorted structure for lookups.");
    }

    private String question() {
        return read(expect(admin.post("/api/questions", questionBody()), 201).getBody())
                .get("questionId")
                .asText();
    }

    private JsonNode session() {
        return read(expect(
                        candidate.post(
                                "/api/sessions",
                                Map.of(
                                        "cohortId",
                                        cohort,
                                        "mode",
                                        "coach",
                                        "themes",
                                        List.of("databases"),
                                        "questionCount",
                                        2)),
                        201)
                .getBody());
    }

    private String[] answeredSession() {
        JsonNode session = session();
        String sessionId = session.get("sessionId").asText();
        String question = CommandApi.questionIds(session).get(0);
        expect(candidate.answer(sessionId, question), 201);
        return new String[] {sessionId, question};
    }

    private static ResponseEntity<String> expect(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        return response;
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.datasource.url=" + url, "server.port=0")
                .run("--server.port=0");
    }

    private static CommandApi api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        TestRestTemplate rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        return new CommandApi(rest, context.getBean(JdbcTemplate.class));
    }
}
