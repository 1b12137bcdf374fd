package dev.practicetracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.practicetracker.database.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The curl examples of {@code docs/api.md}, run as written (bash, curl and jq) against the one-process app that
 * {@code ./run} starts: the whole session with its read-back, then the accounts example, which enrols the session's
 * candidate.
 */
class ApiExamplesIntegrationTest {

    private static final Path API_PAGE = Path.of("..", "docs", "api.md");

    private static ConfigurableApplicationContext context;
    private static int port;

    @BeforeAll
    static void start() {
        context = SpringApplication.run(
                TrackerApplication.class,
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabases.createDatabase());
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void theApiPagesSessionAndAccountsExamplesWorkAsWritten() throws Exception {
        String session = run(example("session-example"));

        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String sessionId = jdbc.queryForObject(
                "SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type LIKE '%.SessionStartedEvent'",
                String.class);
        String ada =
                jdbc.queryForObject("SELECT account_id FROM command_accounts WHERE username = 'ada'", String.class);
        assertThat(session)
                .contains(
                        "\"sessionId\":\"" + sessionId + "\"",
                        "\"outcome\":\"rated\"",
                        "\"status\":\"completed\"",
                        "\"candidateId\":\"" + ada + "\"");
        List<String> types = jdbc.queryForList(
                "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                String.class,
                sessionId);
        assertThat(types)
                .extracting(type -> type.substring(type.lastIndexOf('.') + 1))
                .containsExactly(
                        "SessionStartedEvent", "QuestionAnsweredEvent", "AnswerRatedEvent", "SessionCompletedEvent");

        String accounts = run(example("accounts-example"));

        String grace =
                jdbc.queryForObject("SELECT account_id FROM command_accounts WHERE username = 'grace'", String.class);
        assertThat(accounts).contains("\"candidateId\":\"" + ada + "\"", "\"outcome\":\"enrolled\"");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM command_cohort_coach WHERE coach_id = ?", Integer.class, grace))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM command_cohort_roster WHERE candidate_id = ?", Integer.class, ada))
                .isEqualTo(1);
    }

    private static String run(String script) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .redirectErrorStream(true)
                .start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
        return output;
    }

    private static String example(String name) throws IOException {
        String page = Files.readString(API_PAGE);
        String start = "<!-- " + name + ":start -->";
        String end = "<!-- " + name + ":end -->";
        int from = page.indexOf(start);
        int to = page.indexOf(end);
        assertThat(from).as(API_PAGE + " has the " + name + " markers").isNotNegative();
        assertThat(to).as(API_PAGE + " has the end of " + name).isGreaterThan(from);
        return page.substring(from + start.length(), to)
                .replace("```bash", "")
                .replace("```", "")
                .replace("localhost:8080", "localhost:" + port);
    }
}
