package dev.practicetracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.practicetracker.database.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Both services in one context: each one's endpoints, rules and meters answer on the one port. */
class OneProcessIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigurableApplicationContext context;
    private static TestRestTemplate http;
    private static String candidate;

    @BeforeAll
    static void start() throws Exception {
        context = SpringApplication.run(
                TrackerApplication.class,
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabases.createDatabase(),
                "--tracker.security.admin.password=one-process-admin-password");
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        String admin = login("admin", "one-process-admin-password");
        ResponseEntity<String> opened = send(
                HttpMethod.POST,
                "/api/accounts",
                admin,
                "{\"username\":\"pat\",\"displayName\":\"Pat\",\"role\":\"candidate\",\"password\":\"pat-password-1\"}");
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
        candidate = login("pat", "pat-password-1");
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aCandidateOpenedOnTheCommandSideIsReadBackFromTheQuerySideOnTheSamePort() throws Exception {
        ResponseEntity<String> started = send(
                HttpMethod.POST,
                "/api/sessions",
                candidate,
                "{\"mode\":\"self\",\"themes\":[\"databases\"],\"questionCount\":2}");
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
        String session = JSON.readTree(started.getBody()).get("sessionId").asText();

        JsonNode read = null;
        for (int attempt = 0; attempt < 100 && read == null; attempt++) {
            ResponseEntity<String> response = send(HttpMethod.GET, "/api/sessions/" + session, candidate, null);
            if (response.getStatusCode().value() == 200) {
                read = JSON.readTree(response.getBody());
            } else {
                Thread.sleep(100);
            }
        }
        assertThat(read).as("the query side's view of the session").isNotNull();
        assertThat(read.toString()).contains(session);
    }

    @Test
    void eachServiceKeepsItsOwnErrorShape() {
        ResponseEntity<String> missing = send(HttpMethod.GET, "/api/sessions/no-such-session", candidate, null);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getBody()).contains("/problems/not-found");

        ResponseEntity<String> misspelt = send(HttpMethod.POST, "/api/sessions", candidate, "{\"themez\":[]}");
        assertThat(misspelt.getStatusCode().value()).isEqualTo(400);
        assertThat(misspelt.getBody()).contains("themez");
    }

    @Test
    void bothServicesShareOneWayOfAnsweringWrongTypesAndFrameworkErrors() {
        ResponseEntity<String> fraction =
                send(HttpMethod.POST, "/api/sessions", candidate, "{\"themes\":[\"databases\"],\"questionCount\":2.5}");
        assertThat(fraction.getStatusCode().value()).as(fraction.getBody()).isEqualTo(422);
        assertThat(fraction.getBody()).contains("/problems/wrong-type", "questionCount");

        ResponseEntity<String> error = send(HttpMethod.GET, "/error", null, null);
        assertThat(error.getStatusCode().value()).as(error.getBody()).isEqualTo(404);
        assertThat(error.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void metricsAndTheApiDescriptionCoverBothServices() {
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("tracker_projection_lag_events", "application=\"practice-tracker\"");
        String api = http.getForObject("/api-docs", String.class);
        assertThat(api).contains("/api/auth/token", "/api/cohorts/{cohortId}/overview");
    }

    @Test
    void everyOperationHasASummaryTheCreatingOnesSay201AndSwaggerUiShowsTheDescription() throws Exception {
        com.fasterxml.jackson.databind.JsonNode api = JSON.readTree(http.getForObject("/api-docs", String.class));
        java.util.List<String> withoutSummary = new java.util.ArrayList<>();
        api.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (!operation.getValue().hasNonNull("summary")) {
                        withoutSummary.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                    }
                }));
        assertThat(withoutSummary).as("operations without a summary").isEmpty();
        for (String creating : java.util.List.of(
                "/api/sessions",
                "/api/accounts",
                "/api/cohorts",
                "/api/questions",
                "/api/sessions/{sessionId}/answers")) {
            com.fasterxml.jackson.databind.JsonNode responses =
                    api.get("paths").get(creating).get("post").get("responses");
            assertThat(responses.has("201"))
                    .as("POST " + creating + " documents 201")
                    .isTrue();
            assertThat(responses.has("200"))
                    .as("POST " + creating + " documents no 200")
                    .isFalse();
        }
        assertThat(api.get("paths")
                        .get("/api/sessions")
                        .get("post")
                        .get("summary")
                        .asText())
                .contains("1 to 20 questions");

        ResponseEntity<String> ui = http.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(ui.getStatusCode().value()).isEqualTo(200);
        assertThat(ui.getBody()).contains("swagger-ui");
        ResponseEntity<String> config = http.getForEntity("/api-docs/swagger-config", String.class);
        assertThat(config.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(config.getBody()).get("url").asText()).isEqualTo("/api-docs");
    }

    private static String login(String username, String password) throws Exception {
        ResponseEntity<String> response = send(
                HttpMethod.POST,
                "/api/auth/token",
                null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return JSON.readTree(response.getBody()).get("accessToken").asText();
    }

    private static ResponseEntity<String> send(HttpMethod method, String path, String token, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
