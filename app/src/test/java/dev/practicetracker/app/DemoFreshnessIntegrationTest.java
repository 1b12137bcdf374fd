package dev.practicetracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.practicetracker.database.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The README's demo story on a later day: a demo seeded ten days ago (by a clock of the test's own) is seeded again
 * when the app starts today, so its history ends yesterday again: six candidates, six weeks of practice, Esra the one
 * at risk, answers of the last days waiting for the coach. Without that, ten days on, every candidate is at risk.
 */
class DemoFreshnessIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DAYS_LATER = 10;

    @Test
    void aDemoSeededTenDaysAgoTellsTheReadmesStoryAgainWhenStartedToday() throws Exception {
        String database = TestDatabases.createDatabase();
        Clock machine = Clock.systemUTC();

        int sessionsBefore;
        try (ConfigurableApplicationContext seededEarlier =
                start(database, Clock.offset(machine, Duration.ofDays(-DAYS_LATER)))) {
            TestRestTemplate http = http(seededEarlier);
            String coach = login(http, "demo-coach");
            JsonNode stale = overview(http, coach, o -> o.get("atRisk").size() == 6);
            assertThat(atRisk(stale))
                    .as("read today, a history that ended 11 days ago")
                    .hasSize(6);
            sessionsBefore =
                    sessions(http, coach, "demo-amara").get("totalItems").asInt();
        }

        try (ConfigurableApplicationContext today = start(database, machine)) {
            TestRestTemplate http = http(today);
            String coach = login(http, "demo-coach");
            JsonNode fresh = overview(http, coach, o -> o.get("atRisk").size() == 1);
            assertThat(fresh.get("cohort").get("name").asText()).isEqualTo("Back-end interview prep (demo)");
            assertThat(fresh.get("cohort").get("coachName").asText()).isEqualTo("Dana Reyes");
            assertThat(fresh.get("enrolled").asInt()).as("six candidates").isEqualTo(6);
            assertThat(atRisk(fresh))
                    .as("only Esra, inactive for weeks, is at risk")
                    .containsExactly("demo-esra");

            JsonNode amara = sessions(http, coach, "demo-amara");
            assertThat(amara.get("totalItems").asInt())
                    .as("the history seeded again, not added to the old one")
                    .isEqualTo(sessionsBefore);
            List<Instant> started = new ArrayList<>();
            amara.get("items")
                    .forEach(s -> started.add(Instant.parse(s.get("startedAt").asText())));
            Instant now = machine.instant();
            assertThat(Duration.between(started.stream().min(Instant::compareTo).orElseThrow(), now)
                            .toDays())
                    .as("six weeks of practice")
                    .isBetween(38L, 43L);
            assertThat(Duration.between(started.stream().max(Instant::compareTo).orElseThrow(), now)
                            .toHours())
                    .as("her last session was yesterday")
                    .isBetween(1L, 48L);

            JsonNode femi = StreamSupport.stream(
                            fresh.get("roster").get("items").spliterator(), false)
                    .filter(m -> m.get("candidateId").asText().equals("demo-femi"))
                    .findFirst()
                    .orElseThrow();
            assertThat(Duration.between(Instant.parse(femi.get("enrolledAt").asText()), now)
                            .toDays())
                    .as("Femi joined three weeks ago")
                    .isBetween(20L, 23L);

            JsonNode queue = await().atMost(Duration.ofMinutes(1))
                    .until(
                            () -> get(http, coach, "/api/coaches/demo-coach/review-queue?size=100"),
                            q -> q.get("totalItems").asInt() >= 10);
            assertThat(queue.get("totalItems").asInt())
                    .as("the last days' answers wait for the coach")
                    .isPositive();
        }
    }

    private static ConfigurableApplicationContext start(String database, Clock clock) {
        return new SpringApplicationBuilder(TrackerApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database,
                        "--demo",
                        // The test's database is the demo's alone, as the demo's own data directory is.
                        "--tracker.demo.reseed-when-stale=true");
    }

    private static List<String> atRisk(JsonNode overview) {
        return StreamSupport.stream(overview.get("atRisk").spliterator(), false)
                .map(a -> a.get("candidateId").asText())
                .toList();
    }

    private static JsonNode overview(
            TestRestTemplate http, String token, java.util.function.Predicate<JsonNode> ready) {
        // The read side follows the seeding closely, not at once.
        return await().atMost(Duration.ofMinutes(2))
                .until(
                        () -> get(http, token, "/api/cohorts/demo-cohort/overview?size=100"),
                        o -> o.get("enrolled").asInt() == 6
                                && StreamSupport.stream(
                                                o.get("roster").get("items").spliterator(), false)
                                        .allMatch(m -> m.hasNonNull("lastPractisedAt"))
                                && ready.test(o));
    }

    private static JsonNode sessions(TestRestTemplate http, String token, String candidate) throws Exception {
        return get(http, token, "/api/candidates/" + candidate + "/sessions?size=100");
    }

    private static JsonNode get(TestRestTemplate http, String token, String path) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }

    private static String login(TestRestTemplate http, String username) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.exchange(
                "/api/auth/token",
                HttpMethod.POST,
                new HttpEntity<>("{\"username\":\"" + username + "\",\"password\":\"demo-password\"}", headers),
                String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return JSON.readTree(response.getBody()).get("accessToken").asText();
    }

    private static TestRestTemplate http(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    }
}
