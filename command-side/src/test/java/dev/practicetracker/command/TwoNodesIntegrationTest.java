package dev.practicetracker.command;

import static dev.practicetracker.command.CommandApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.database.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two command-side nodes on one database changing the same session at the same moment, as two browser tabs behind a
 * load balancer would: the node that loses the race decides the command again on the fresh state, so every answer is
 * stored, and a second answer to the same question gets the rule's answer (422), never a 409 the client must retry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIntegrationTest {

    private static final List<String> THEMES = List.of("databases", "api-design", "security", "git", "debugging");

    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private CommandApi[] nodes;
    private final ExecutorService clients = Executors.newFixedThreadPool(24);

    @BeforeAll
    void twoNodesOnOneDatabase() {
        String url = TestDatabases.createDatabase();
        first = start(url);
        second = start(url);
        CommandApi admin = api(first);
        admin.newCandidate("cand-two-nodes");
        nodes = new CommandApi[] {api(first).as("cand-two-nodes"), api(second).as("cand-two-nodes")};
    }

    @AfterAll
    void stop() {
        clients.shutdownNow();
        second.close();
        first.close();
    }

    @Test
    void concurrentAnswersToOneSessionThroughBothNodesAreAllStored() throws Exception {
        JsonNode started = startSession(20);
        String session = started.get("sessionId").asText();
        List<String> questions = CommandApi.questionIds(started);
        CyclicBarrier together = new CyclicBarrier(questions.size());

        List<CompletableFuture<ResponseEntity<String>>> answers = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            CommandApi node = nodes[i % 2];
            String question = questions.get(i);
            answers.add(CompletableFuture.supplyAsync(
                    () -> {
                        await(together);
                        return node.answer(session, question);
                    },
                    clients));
        }

        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<ResponseEntity<String>> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS).getStatusCode().value());
        }
        assertThat(statuses).as("every answer acknowledged").containsOnly(201);
        assertThat(answeredEvents(session)).isEqualTo(questions.size());
    }

    @Test
    void theSameAnswerSentToBothNodesAtOnceIsStoredOnceAndTheOtherGetsTheRulesAnswer() throws Exception {
        JsonNode started = startSession(6);
        String session = started.get("sessionId").asText();
        for (String question : CommandApi.questionIds(started)) {
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<ResponseEntity<String>>> both = List.of(
                    CompletableFuture.supplyAsync(() -> answerTogether(nodes[0], together, session, question), clients),
                    CompletableFuture.supplyAsync(
                            () -> answerTogether(nodes[1], together, session, question), clients));

            List<String> outcomes = new ArrayList<>();
            for (CompletableFuture<ResponseEntity<String>> answer : both) {
                ResponseEntity<String> response = answer.get(60, TimeUnit.SECONDS);
                outcomes.add(
                        response.getStatusCode().value() == 422
                                ? "422 " + read(response.getBody()).get("rule").asText()
                                : String.valueOf(response.getStatusCode().value()));
            }
            assertThat(outcomes).containsExactlyInAnyOrder("201", "422 already-answered");
        }
        assertThat(answeredEvents(session)).isEqualTo(6);
    }

    private JsonNode startSession(int count) {
        ResponseEntity<String> response =
                nodes[0].post("/api/sessions", Map.of("themes", THEMES, "questionCount", count));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return read(response.getBody());
    }

    private static ResponseEntity<String> answerTogether(
            CommandApi node, CyclicBarrier together, String session, String question) {
        await(together);
        return node.answer(session, question);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long answeredEvents(String session) {
        return first.getBean(JdbcTemplate.class)
                .queryForObject(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                                + " AND payload_type LIKE '%QuestionAnsweredEvent'",
                        Long.class, session);
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.datasource.url=" + url)
                .run("--server.port=0");
    }

    private static CommandApi api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
        return new CommandApi(http, context.getBean(JdbcTemplate.class));
    }
}
