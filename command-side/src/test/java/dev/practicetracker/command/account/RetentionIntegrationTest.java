package dev.practicetracker.command.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.practicetracker.command.CommandSideApplication;
import dev.practicetracker.database.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The retention period for withdrawn accounts, on two command-side nodes sharing one database: an admin sets it, it
 * refuses what is not a period, and once it has passed each withdrawn person is erased exactly once, by one node, as
 * asked by the admin who set it; active accounts are untouched.
 */
class RetentionIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String PASSWORD = "a-long-enough-password";

    private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private static JdbcTemplate jdbc;
    private static String admin;
    private static String adminId;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        String database = TestDatabases.createDatabase();
        for (int i = 0; i < 2; i++) {
            nodes.add(new SpringApplicationBuilder(CommandSideApplication.class)
                    .run(
                            "--spring.datasource.url=" + database,
                            "--server.port=0",
                            "--tracker.privacy.retention-check-interval=PT1S",
                            "--db-scheduler.polling-interval=500ms",
                            "--DATABASE_POOL_SIZE=4"));
        }
        jdbc = nodes.get(0).getBean(JdbcTemplate.class);
        JsonNode login = login("admin", "local-admin-password");
        admin = login.get("accessToken").asText();
        adminId = login.get("account").get("accountId").asText();
    }

    @AfterAll
    static void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    @AfterEach
    void clockBack() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void aPeriodThatIsNotOneIsRefusedAndWritesNothing() throws Exception {
        long before = events();
        for (String period : List.of("\"P0D\"", "\"PT1H\"", "\"-P5D\"", "\"P3651D\"", "\"ninety days\"", "90")) {
            HttpResponse<String> refused = put(0, admin, "{\"withdrawnErasedAfter\": " + period + "}");
            assertThat(refused.statusCode()).as(period + ": " + refused.body()).isBetween(400, 422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        String candidate = create("cand-not-admin", "candidate");
        HttpResponse<String> notAdmin = put(
                0,
                login("cand-not-admin", PASSWORD).get("accessToken").asText(),
                "{\"withdrawnErasedAfter\": \"P30D\"}");
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(candidate).isNotBlank();
        assertThat(events()).isEqualTo(before + 1); // the account created above, nothing else
    }

    @Test
    void withdrawnPersonsAreErasedOnceByOneNodeAfterThePeriodAndTheActiveAreUntouched() throws Exception {
        HttpResponse<String> set = put(1, admin, "{\"withdrawnErasedAfter\": \"P30D\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(202);
        assertThat(JSON.readTree(set.body()).get("outcome").asText())
                .isEqualTo("withdrawn accounts are erased 30 days after their withdrawal");
        assertThat(put(0, admin, "{\"withdrawnErasedAfter\": \"P30D\"}").statusCode())
                .as("the same period again")
                .isEqualTo(422);

        String leaver = create("cand-leaver", "candidate");
        String stayer = create("cand-stayer", "candidate");
        assertThat(post(0, admin, "/api/accounts/" + leaver + "/withdraw", "{\"reason\": \"moved on\"}")
                        .statusCode())
                .isEqualTo(202);
        Thread.sleep(2_500);
        assertThat(erasures(leaver)).as("not before the period has passed").isZero();

        GenericEventMessage.clock = Clock.offset(Clock.systemUTC(), Duration.ofDays(31));
        await().atMost(Duration.ofSeconds(20)).until(() -> erasures(leaver) == 1);
        Thread.sleep(2_500); // both nodes ran the task again meanwhile

        assertThat(erasures(leaver)).as("erased once across both nodes").isEqualTo(1);
        assertThat(erasures(stayer)).isZero();
        Map<String, Object> erased = jdbc.queryForMap(
                "SELECT convert_from(payload, 'UTF8')::jsonb ->> 'erasedBy' AS by,"
                        + " convert_from(payload, 'UTF8')::jsonb ->> 'reason' AS reason FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload_type LIKE '%PersonErasedEvent'",
                leaver);
        assertThat(erased.get("by")).isEqualTo(adminId);
        assertThat((String) erased.get("reason"))
                .isEqualTo("retention period: withdrawn accounts are erased 30 days after their withdrawal");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM person_key WHERE person_id = ? AND erased_at IS NULL",
                        Long.class,
                        leaver))
                .as("the key is gone")
                .isZero();
        assertThat(login("cand-stayer", PASSWORD).get("accessToken").asText()).isNotBlank();
    }

    private static long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static long erasures(String account) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND payload_type LIKE '%PersonErasedEvent'",
                Long.class, account);
    }

    private static String create(String username, String role) throws Exception {
        Map<String, String> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "Test " + username);
        body.put("role", role);
        body.put("password", PASSWORD);
        HttpResponse<String> created = post(0, admin, "/api/accounts", JSON.writeValueAsString(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("accountId").asText();
    }

    private static JsonNode login(String username, String password) throws Exception {
        HttpResponse<String> answer = CLIENT.send(
                HttpRequest.newBuilder(uri(0, "/api/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("username", username, "password", password))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> put(int node, String token, String body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(uri(node, "/api/admin/retention"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(int node, String token, String path, String body) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(uri(node, path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int node, String path) {
        return URI.create(
                "http://localhost:" + nodes.get(node).getEnvironment().getProperty("local.server.port") + path);
    }
}
