package dev.practicetracker.query.crossprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.database.TestDatabases;
import dev.practicetracker.query.QuerySideApplication;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two services as deployed: the command side in its own JVM, the query side in this one, one PostgreSQL between
 * them. Commands go over HTTP to one; their effect is read over HTTP from the other, with the same token: the admin logs
 * in, opens the accounts, and each person logs in and acts as themselves on both sides.
 */
class CrossProcessIT {

    private static CommandSideProcess commandSide;
    private static ConfigurableApplicationContext querySide;
    private static Http commands;
    private static Http queries;
    private static Http admin;

    private final String id = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startBothSides() throws Exception {
        String database = TestDatabases.createDatabase();
        commandSide = CommandSideProcess.start(database);
        querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                .run("--spring.datasource.url=" + database, "--server.port=0");
        commands = new Http(commandSide.baseUrl());
        queries = new Http("http://localhost:" + querySide.getEnvironment().getProperty("local.server.port"));
        admin = commandSide.asAdmin();
    }

    @AfterAll
    static void stopBothSides() {
        if (querySide != null) {
            querySide.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void ratingsSentToTheCommandSideShowInTheCandidatesProfileAndCalibrationOnTheQuerySide() {
        CommandSideProcess.Account candidateAccount = commandSide.open(admin, "cand-" + id, "candidate");
        CommandSideProcess.Account coachAccount = commandSide.open(admin, "coach-" + id, "coach");
        String candidate = candidateAccount.id();
        String coach = coachAccount.id();
        Http asCandidate = commands.withToken(candidateAccount.token());
        Http asCoach = commands.withToken(coachAccount.token());
        Http candidateReads = queries.withToken(candidateAccount.token());
        Http.Response created = admin.post("/api/cohorts", """
                {"name": "Evening cohort", "coachId": "%s"}""".formatted(coach));
        assertThat(created.status()).isEqualTo(201);
        String cohort = created.body().get("cohortId").asText();
        assertThat(admin.post("/api/cohorts/" + cohort + "/enrolments", """
                {"candidateId": "%s"}""".formatted(candidate))
                        .status())
                .isEqualTo(201);
        Http.Response started = asCandidate.post("/api/sessions", """
                {"candidateId": "%s", "cohortId": "%s", "mode": "coach", "themes": ["databases"], "questionCount": 2}""".formatted(candidate, cohort));
        assertThat(started.status()).isEqualTo(201);
        String session = started.body().get("sessionId").asText();
        String question =
                started.body().get("questions").get(0).get("questionId").asText();

        assertThat(asCandidate
                        .post("/api/sessions/" + session + "/answers", """
                {"questionId": "%s", "answer": "Index the foreign key, then check the plan.", "timeSpentSeconds": 200}""".formatted(question))
                        .status())
                .isEqualTo(201);
        String ratings = "/api/sessions/" + session + "/answers/" + question + "/ratings";
        assertThat(asCandidate.post(ratings, rating(candidate, "self", 5)).status())
                .isEqualTo(201);
        assertThat(asCoach.post(ratings, rating(coach, "coach", 2)).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode databases = theme(
                    candidateReads
                            .get("/api/candidates/" + candidate + "/profile")
                            .body(),
                    "databases");
            assertThat(databases.get("ratingsByRole").has("coach")).isTrue();
        });
        JsonNode databases = theme(
                candidateReads.get("/api/candidates/" + candidate + "/profile").body(), "databases");
        assertThat(databases.get("basis").asText()).isEqualTo("coach and peer ratings");
        assertThat(databases.get("level").asDouble()).isLessThan(50);
        JsonNode calibration = candidateReads
                .get("/api/candidates/" + candidate + "/calibration")
                .body();
        JsonNode databasesCalibration = theme(calibration, "databases");
        assertThat(databasesCalibration.get("pairs").asInt()).isEqualTo(1);
        assertThat(databasesCalibration.get("meanGap").asDouble()).isEqualTo(3.0);
        // The coach reads the same profile; the admin may not, and another candidate learns nothing of it.
        assertThat(queries.withToken(coachAccount.token())
                        .get("/api/candidates/" + candidate + "/profile")
                        .status())
                .isEqualTo(200);
        assertThat(queries.get("/api/candidates/" + candidate + "/profile").status())
                .isEqualTo(401);
    }

    @Test
    void anAccountLockedOnTheCommandSideLosesAccessOnTheQuerySideToo() {
        CommandSideProcess.Account candidate = commandSide.open(admin, "locked-" + id, "candidate");
        Http reads = queries.withToken(candidate.token());
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(reads.get("/api/me").status()).isEqualTo(200));
        assertThat(reads.get("/api/me").body().get("displayName").asText()).isEqualTo("Name of locked-" + id);

        assertThat(admin.post("/api/accounts/" + candidate.id() + "/lock", """
                {"reason": "test"}""").status())
                .isBetween(200, 204);

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(reads.get("/api/me").status()).isEqualTo(401));
        assertThat(commands.withToken(candidate.token())
                        .post("/api/sessions", """
                                {"themes": ["databases"], "questionCount": 1}""")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aRejectedCommandWritesNoEventAndTheQuerySideSeesNothingOfIt() {
        CommandSideProcess.Account candidate = commandSide.open(admin, "rejected-" + id, "candidate");
        JdbcTemplate jdbc = querySide.getBean(JdbcTemplate.class);
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);

        Http.Response rejected = commands.withToken(candidate.token()).post("/api/sessions", """
                {"themes": ["no-such-theme"], "questionCount": 2}""");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body().get("errors").get(0).get("field").asText()).isEqualTo("themes[0]");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                .isEqualTo(events);
        Http reads = queries.withToken(candidate.token());
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(reads.get("/api/candidates/" + candidate.id() + "/sessions")
                                .body()
                                .get("totalItems")
                                .asLong())
                        .isZero());
    }

    private static String rating(String rater, String role, int score) {
        return """
                {"raterId": "%s", "raterRole": "%s",
                 "scores": {"clarity": %d, "reasoning": %d, "technical-depth": %d, "structure": %d, "impact": %d}}""".formatted(rater, role, score, score, score, score, score);
    }

    private static JsonNode theme(JsonNode report, String theme) {
        for (JsonNode node : report.get("themes")) {
            if (node.get("theme").asText().equals(theme)) {
                return node;
            }
        }
        throw new AssertionError("no theme " + theme + " in " + report);
    }
}
