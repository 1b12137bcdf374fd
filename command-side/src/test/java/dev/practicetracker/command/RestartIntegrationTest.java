package dev.practicetracker.command;

import static dev.practicetracker.command.CommandApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.database.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The command side stopped and started again on the same database: aggregates are rebuilt from the event store and
 * keep enforcing their rules, the question catalogue is not loaded a second time, and deadlines that fell due
 * meanwhile run at once.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartIntegrationTest {

    private static final int CATALOGUE_SIZE = 120;

    @Test
    void aSessionRebuiltAfterARestartStillEnforcesItsRulesAndTheCatalogueIsLoadedOnce() {
        String url = TestDatabases.createDatabase();
        String candidate = "cand-restart";
        String session;
        List<String> questions;

        try (ConfigurableApplicationContext first = start(url)) {
            CommandApi api = api(first).newCandidate(candidate);
            JsonNode started = api.startSession(api.accountId(), "databases", 2);
            session = started.get("sessionId").asText();
            questions = CommandApi.questionIds(started);
            assertThat(api.answer(session, questions.get(0)).getStatusCode().value())
                    .isEqualTo(201);
            assertThat(api.eventCount("QuestionAddedEvent")).isEqualTo(CATALOGUE_SIZE);
        }

        try (ConfigurableApplicationContext second = start(url)) {
            CommandApi api = api(second).as(candidate);

            ResponseEntity<String> again = api.answer(session, questions.get(0));
            assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(422);
            assertThat(read(again.getBody()).get("rule").asText()).isEqualTo("already-answered");

            ResponseEntity<String> other = api.answer(session, questions.get(1));
            assertThat(other.getStatusCode().value()).as(other.getBody()).isEqualTo(201);
        }

        try (SingleConnectionDataSource database = new SingleConnectionDataSource(url, true)) {
            JdbcTemplate jdbc = new JdbcTemplate(database);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%QuestionAddedEvent'",
                            Long.class))
                    .isEqualTo(CATALOGUE_SIZE);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM command_question_bank", Long.class))
                    .isEqualTo(CATALOGUE_SIZE);
            assertThat(jdbc.queryForList(
                            "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                                    + " ORDER BY sequence_number",
                            String.class,
                            session))
                    .extracting(type -> type.substring(type.lastIndexOf('.') + 1))
                    .containsExactly("SessionStartedEvent", "QuestionAnsweredEvent", "QuestionAnsweredEvent");
        }
    }

    @Test
    void aCatalogueQuestionAddedByAnotherNodeMeanwhileIsSkippedRatherThanFailingTheLoad() {
        String url = TestDatabases.createDatabase();
        try (ConfigurableApplicationContext context = start(url)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            // As another node sees it in the moment before that node's add commits: not in the bank yet, but the
            // question's stream already exists when this node's add is appended.
            jdbc.update("DELETE FROM command_question_bank WHERE question_id = "
                    + "(SELECT min(question_id) FROM command_question_bank)");
            ApplicationRunner loader = context.getBeansOfType(ApplicationRunner.class).values().stream()
                    .filter(runner -> runner.getClass().getSimpleName().startsWith("CatalogueLoader"))
                    .findFirst()
                    .orElseThrow();

            assertThatCode(() -> loader.run(new DefaultApplicationArguments())).doesNotThrowAnyException();
            assertThat(api(context).eventCount("QuestionAddedEvent")).isEqualTo(CATALOGUE_SIZE);
        }
    }

    @Test
    void deadlinesThatFellDueWhileTheServiceWasDownRunPromptlyAndQuietlyAfterStart(CapturedOutput output)
            throws InterruptedException {
        String url = TestDatabases.createDatabase();
        String session;
        try (ConfigurableApplicationContext first = start(url, "--tracker.session.inactivity-timeout=PT2S")) {
            CommandApi api = api(first).newCandidate("cand-overdue");
            session =
                    api.startSession(api.accountId(), "git", 2).get("sessionId").asText();
        }
        Thread.sleep(3_000);
        int logBefore = output.length();

        try (ConfigurableApplicationContext second =
                start(url, "--tracker.session.inactivity-timeout=PT2S", "--db-scheduler.polling-interval=1s")) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> jdbc.queryForObject(
                                    "SELECT count(*) FROM domain_event_entry"
                                            + " WHERE aggregate_identifier = ? AND payload_type LIKE '%SessionExpiredEvent'",
                                    Long.class, session)
                            == 1);
        }
        String startLog = output.toString().substring(logBefore);
        assertThat(startLog).doesNotContain(" ERROR ").doesNotContain("Exception");
    }

    private static ConfigurableApplicationContext start(String url, String... arguments) {
        // server.port as a command-line argument: as a default property it would lose to application.yml's 8081.
        List<String> all = new ArrayList<>(List.of("--server.port=0"));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.datasource.url=" + url, "server.port=0")
                .run(all.toArray(String[]::new));
    }

    private static CommandApi api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        return new CommandApi(http, context.getBean(JdbcTemplate.class));
    }
}
