package dev.practicetracker.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the integration tests share: JSON requests to the command API, sent as one logged-in account (the default
 * admin unless {@link #as} or {@link #newAccount} says otherwise), and reads of the event store's rows.
 */
final class CommandApi {

    static final String ADMIN_USERNAME = "admin";
    static final String ADMIN_PASSWORD = "local-admin-password";
    static final String PASSWORD = "correct horse battery staple";

    static final ObjectMapper JSON = new ObjectMapper();

    static final Map<String, Integer> GOOD_SCORES =
            Map.of("clarity", 4, "reasoning", 3, "technical-depth", 2, "structure", 4, "impact", 3);

    private final TestRestTemplate http;
    private final JdbcTemplate jdbc;
    private final String token;
    private final String accountId;
    private final String username;

    /** Logged in as the default admin. */
    CommandApi(TestRestTemplate http, JdbcTemplate jdbc) {
        this(http, jdbc, ADMIN_USERNAME, ADMIN_PASSWORD);
    }

    private CommandApi(TestRestTemplate http, JdbcTemplate jdbc, String username, String password) {
        this.http = http;
        this.jdbc = jdbc;
        JsonNode login = login(http, username, password);
        this.token = login.get("accessToken").asText();
        this.accountId = login.get("account").get("accountId").asText();
        this.username = username;
    }

    private CommandApi(TestRestTemplate http, JdbcTemplate jdbc, String token, String accountId, boolean raw) {
        this.http = http;
        this.jdbc = jdbc;
        this.token = token;
        this.accountId = accountId;
        this.username = null;
    }

    /** The same API without credentials. */
    static CommandApi anonymous(TestRestTemplate http, JdbcTemplate jdbc) {
        return new CommandApi(http, jdbc, null, null, true);
    }

    /** The same API sending the given token as is (expired, tampered, ...). */
    CommandApi withToken(String otherToken) {
        return new CommandApi(http, jdbc, otherToken, accountId, true);
    }

    static JsonNode login(TestRestTemplate http, String username, String password) {
        ResponseEntity<String> response = loginResponse(http, username, password);
        if (response.getStatusCode().value() != 200) {
            throw new AssertionError("login as " + username + " failed: " + response);
        }
        return read(response.getBody());
    }

    static ResponseEntity<String> loginResponse(TestRestTemplate http, String username, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, String> body = new HashMap<>();
        body.put("username", username);
        body.put("password", password);
        return http.exchange("/api/auth/token", HttpMethod.POST, new HttpEntity<>(write(body), headers), String.class);
    }

    /** Logs in as an account opened with {@link #newAccount}, by its username. */
    CommandApi as(String username) {
        return new CommandApi(http, jdbc, username.toLowerCase(java.util.Locale.ROOT), PASSWORD);
    }

    /**
     * Opens an account (as the admin this API is logged in as) with this username, and logs in as it; the server
     * chooses its id, which {@link #accountId()} of the answer tells.
     */
    CommandApi newAccount(String username, String role) {
        ResponseEntity<String> created = post(
                "/api/accounts",
                Map.of(
                        "username",
                        username.toLowerCase(java.util.Locale.ROOT),
                        "displayName",
                        "Test " + role + " " + username,
                        "role",
                        role,
                        "password",
                        PASSWORD));
        if (created.getStatusCode().value() != 201) {
            throw new AssertionError("account " + username + " was not opened: " + created);
        }
        return as(username);
    }

    CommandApi newCandidate(String username) {
        return newAccount(username, "candidate");
    }

    CommandApi newCoach(String username) {
        return newAccount(username, "coach");
    }

    /** Creates a cohort coached by {@code coachId} and returns the id the server chose for it. */
    String newCohort(String name, String coachId) {
        ResponseEntity<String> created = post("/api/cohorts", Map.of("name", name, "coachId", coachId));
        if (created.getStatusCode().value() != 201) {
            throw new AssertionError("cohort " + name + " was not created: " + created);
        }
        return read(created.getBody()).get("cohortId").asText();
    }

    String accountId() {
        return accountId;
    }

    /** The username this API logged in with (null for a raw token). */
    String username() {
        return username;
    }

    String token() {
        return token;
    }

    ResponseEntity<String> post(String path, Object body) {
        return send(HttpMethod.POST, path, body instanceof String text ? text : write(body));
    }

    ResponseEntity<String> put(String path, Object body) {
        return send(HttpMethod.PUT, path, write(body));
    }

    ResponseEntity<String> send(HttpMethod method, String path, String rawJson) {
        return send(method, path, rawJson, null);
    }

    /** The request with an {@code Idempotency-Key} header, unless {@code idempotencyKey} is null. */
    ResponseEntity<String> send(HttpMethod method, String path, String rawJson, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, method, new HttpEntity<>(rawJson, headers), String.class);
    }

    ResponseEntity<String> get(String path) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** Starts a session of {@code count} questions drawn from {@code theme} and returns the response's body. */
    JsonNode startSession(String candidateId, String theme, int count) {
        ResponseEntity<String> response = post(
                "/api/sessions", Map.of("candidateId", candidateId, "themes", List.of(theme), "questionCount", count));
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("session did not start: " + response);
        }
        return read(response.getBody());
    }

    static List<String> questionIds(JsonNode started) {
        List<String> ids = new ArrayList<>();
        started.get("questions").forEach(q -> ids.add(q.get("questionId").asText()));
        return ids;
    }

    ResponseEntity<String> answer(String sessionId, String questionId) {
        return post(
                "/api/sessions/" + sessionId + "/answers",
                Map.of("questionId", questionId, "answer", "An index on the filtered column.", "timeSpentSeconds", 90));
    }

    ResponseEntity<String> rate(String sessionId, String questionId, String raterId, String role) {
        return post(
                "/api/sessions/" + sessionId + "/answers/" + questionId + "/ratings",
                Map.of("raterId", raterId, "raterRole", role, "scores", GOOD_SCORES));
    }

    /** Rates as the logged-in account, leaving the rater and the role to the token. */
    ResponseEntity<String> rate(String sessionId, String questionId) {
        return post(
                "/api/sessions/" + sessionId + "/answers/" + questionId + "/ratings", Map.of("scores", GOOD_SCORES));
    }

    long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    long eventCount(String payloadTypeSuffix) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE ?",
                Long.class,
                "%" + payloadTypeSuffix);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
