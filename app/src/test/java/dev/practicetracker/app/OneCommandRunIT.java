package dev.practicetracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code ./run}, as a separate process from a clean data directory: it answers on its
 * port, the demo switch seeds the cohort, and a restart on the same data directory keeps everything without adding
 * the demo history a second time.
 */
class OneCommandRunIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void theDemoCohortIsSeededOnceAndSurvivesARestart() throws Exception {
        int sessions;
        try (TrackerProcess first = TrackerProcess.start(data, "run-first", "--demo")) {
            assertThat(first.output()).contains("Interview practice tracker is running on", "demo-coach");
            assertThat(Files.exists(data.resolve("demo").resolve("postgres").resolve("PG_VERSION")))
                    .as("the demo keeps its embedded database apart, in data/demo")
                    .isTrue();
            String coach = login(first, "demo-coach");
            assertThat(enrolled(first, coach)).isEqualTo(6);
            sessions = sessionsOf(first, coach, "demo-amara");
            assertThat(sessions).as("about two sessions a week for six weeks").isGreaterThanOrEqualTo(10);
            assertThat(first.get("/actuator/prometheus").body())
                    .contains("tracker_sessions_started_total", "tracker_projection_lag_events");
            assertThat(first.stop()).as("stops on Ctrl-C's signal").isIn(0, 130, 143);
        }

        try (TrackerProcess second = TrackerProcess.start(data, "run-second", "--demo")) {
            assertThat(second.output()).contains("(0 sent now)").doesNotContain("a new data directory");
            String coach = login(second, "demo-coach");
            assertThat(enrolled(second, coach)).isEqualTo(6);
            assertThat(sessionsOf(second, coach, "demo-amara")).isEqualTo(sessions);
        }
    }

    private static String login(TrackerProcess tracker, String username) throws IOException {
        HttpResponse<String> response = tracker.postJson(
                "/api/auth/token", "{\"username\":\"" + username + "\",\"password\":\"demo-password\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("accessToken").asText();
    }

    private static int enrolled(TrackerProcess tracker, String token) {
        JsonNode[] overview = new JsonNode[1];
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            HttpResponse<String> response = tracker.get("/api/cohorts/demo-cohort/overview", token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            overview[0] = JSON.readTree(response.body());
            assertThat(overview[0].get("enrolled").asInt()).isPositive();
        });
        return overview[0].get("enrolled").asInt();
    }

    private static int sessionsOf(TrackerProcess tracker, String token, String candidate) throws IOException {
        HttpResponse<String> response = tracker.get("/api/candidates/" + candidate + "/sessions?size=100", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("totalItems").asInt();
    }
}
