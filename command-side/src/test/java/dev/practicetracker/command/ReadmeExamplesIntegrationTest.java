package dev.practicetracker.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.practicetracker.database.FreshTestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/** The README's curl walk-through of a whole session, run as written against a running command side. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshTestDatabase.class)
class ReadmeExamplesIntegrationTest {

    private static final String START = "<!-- session-example:start -->";
    private static final String END = "<!-- session-example:end -->";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theReadmesWholeSessionWithCurlWorksAsWritten() throws Exception {
        String script = readmeExample().replace("localhost:8081", "localhost:" + port);

        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .redirectErrorStream(true)
                .start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("\"sessionId\":\"demo-session-1\"", "\"outcome\":\"rated\"", "\"status\":\"completed\"");
        List<String> types = jdbc.queryForList(
                "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = 'demo-session-1'"
                        + " ORDER BY sequence_number",
                String.class);
        assertThat(types)
                .extracting(type -> type.substring(type.lastIndexOf('.') + 1))
                .containsExactly(
                        "SessionStartedEvent", "QuestionAnsweredEvent", "AnswerRatedEvent", "SessionCompletedEvent");
    }

    private static String readmeExample() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README has the session example markers").isNotNegative();
        return readme.substring(start + START.length(), end)
                .replace("```bash", "")
                .replace("```", "");
    }
}
