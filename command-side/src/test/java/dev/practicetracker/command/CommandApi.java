package dev.practicetracker.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the integration tests share: JSON requests to the command API and reads of the event store's rows. */
final class CommandApi {

    static final ObjectMapper JSON = new ObjectMapper();

    static final Map<String, Integer> GOOD_SCORES =
            Map.of("clarity", 4, "reasoning", 3, "technical-depth", 2, "structure", 4, "impact", 3);

    private final TestRestTemplate http;
    private final JdbcTemplate jdbc;

    CommandApi(TestRestTemplate http, JdbcTemplate jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    ResponseEntity<String> post(String path, Object body) {
        return send(HttpMethod.POST, path, body instanceof String text ? text : write(body));
    }

    ResponseEntity<String> put(String path, Object body) {
        return send(HttpMethod.PUT, path, write(body));
    }

    ResponseEntity<String> send(HttpMethod method, String path, String rawJson) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(path, method, new HttpEntity<>(rawJson, headers), String.class);
    }

    ResponseEntity<String> get(String path) {
        return http.getForEntity(path, String.class);
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

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
