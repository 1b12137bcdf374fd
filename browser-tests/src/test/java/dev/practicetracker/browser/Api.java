package dev.practicetracker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/** Sets the scene through the API, as an API client would: accounts, cohorts, enrolments, and checks of refusals. */
final class Api {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "local-admin-password";
    static final String PASSWORD = "practice-makes-better";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String token(String username, String password) {
        JsonNode answer = send("POST", "/api/auth/token", null, Map.of("username", username, "password", password));
        return answer.get("accessToken").asText();
    }

    String adminToken() {
        return token(ADMIN, ADMIN_PASSWORD);
    }

    /** Creates an account with {@link #PASSWORD} and returns its id. */
    String createAccount(String admin, String username, String role) {
        JsonNode created = send(
                "POST",
                "/api/accounts",
                admin,
                Map.of("username", username, "displayName", displayName(username), "role", role, "password", PASSWORD));
        return created.get("accountId").asText();
    }

    String createCohort(String admin, String name, String coachId) {
        return send("POST", "/api/cohorts", admin, Map.of("name", name, "coachId", coachId))
                .get("cohortId")
                .asText();
    }

    void enrol(String admin, String cohortId, String candidateId) {
        send("POST", "/api/cohorts/" + cohortId + "/enrolments", admin, Map.of("candidateId", candidateId));
    }

    /** The status a GET answers with this token. */
    int status(String token, String path) {
        try {
            return http.send(request("GET", path, token, null), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST that must succeed, as {@code token}'s holder sends it; the answer's body. */
    JsonNode postAs(String token, String path, Object body) {
        return send("POST", path, token, body);
    }

    JsonNode get(String token, String path) {
        return send("GET", path, token, null);
    }

    /** The read side follows the commands closely, not at once: waits until a GET answers what the test needs. */
    JsonNode await(String token, String path, Predicate<JsonNode> until) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (true) {
            JsonNode answer = status(token, path) == 200 ? get(token, path) : null;
            if (answer != null && until.test(answer)) {
                return answer;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("GET " + path + " did not answer as expected in time: " + answer);
            }
            pause();
        }
    }

    private JsonNode send(String method, String path, String token, Object body) {
        try {
            HttpResponse<String> response = http.send(
                    request(method, path, token, body == null ? null : json.writeValueAsString(body)),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as(method + " " + path + " answered " + response.body())
                    .isBetween(200, 299);
            return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String method, String path, String token, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    static String displayName(String username) {
        return Character.toUpperCase(username.charAt(0)) + username.substring(1).replace('-', ' ');
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
