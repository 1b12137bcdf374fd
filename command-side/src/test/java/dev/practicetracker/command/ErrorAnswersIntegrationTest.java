package dev.practicetracker.command;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.database.FreshTestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Errors raised before or around Spring MVC (by Tomcat, the firewall, the per-request account check) answer
 * problem+json like every other refusal, with nothing of the failure's internals. Sent over a raw socket: an HTTP client
 * library would normalise the odd addresses before they reach the server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshTestDatabase.class)
@ExtendWith(OutputCaptureExtension.class)
class ErrorAnswersIntegrationTest {

    @LocalServerPort
    private int port;

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void anEncodedSlashInThePathIsABadRequestProblem() throws IOException {
        assertProblem(send("GET /api/sessions/a%2Fb HTTP/1.1"), 400);
    }

    @Test
    void aMatrixParameterInThePathIsABadRequestProblem() throws IOException {
        assertProblem(send("GET /api/sessions;jsessionid=x/abc HTTP/1.1"), 400);
    }

    @Test
    void aDotDotSegmentInThePathIsABadRequestProblem() throws IOException {
        assertProblem(send("GET /api/sessions/%2e%2e/accounts HTTP/1.1"), 400);
    }

    @Test
    void anOverlongAddressIsAProblem() throws IOException {
        Answer answer = send("GET /api/sessions/" + "a".repeat(20_000) + " HTTP/1.1");
        assertThat(answer.status()).as(answer.raw()).isBetween(400, 499);
        assertProblem(answer, answer.status());
    }

    @Test
    void theErrorPathCalledDirectlyIsNotFound() throws IOException {
        assertProblem(send("GET /error HTTP/1.1"), 404);
    }

    @Test
    void anUnsupportedMediaTypeIsAProblemOfTheSameConvention() throws IOException {
        Answer answer =
                send("POST /api/auth/token HTTP/1.1", "Content-Type: text/plain", "Content-Length: 2", "", "hi");
        assertProblem(answer, 415);
        assertThat(answer.body()).contains("/problems/unsupported-media-type");
    }

    @Test
    void aFailingAccountCheckIsAProblemWithoutSqlOrStackTrace() throws IOException {
        String token = new CommandApi(http, jdbc).token();
        jdbc.execute("ALTER TABLE command_accounts RENAME TO command_accounts_away");
        try {
            Answer answer = send("GET /api/questions HTTP/1.1", "Authorization: Bearer " + token);
            assertThat(answer.status()).as(answer.raw()).isGreaterThanOrEqualTo(500);
            assertProblem(answer, answer.status());
            assertThat(answer.body().toLowerCase(Locale.ROOT)).doesNotContain("command_accounts", "select", "sql");
        } finally {
            jdbc.execute("ALTER TABLE command_accounts_away RENAME TO command_accounts");
        }
    }

    @Test
    void aFullDiskIsRefusedWith503AndLoggedAsAFullDiskInOneLine(CapturedOutput output) {
        CommandApi api = new CommandApi(http, jdbc).newCandidate("cand-disk-full");
        JsonNode started = api.startSession(api.accountId(), "git", 2);
        String session = started.get("sessionId").asText();
        List<String> questions = CommandApi.questionIds(started);
        long before = api.eventCount();
        // What PostgreSQL raises when it cannot extend a table's file: its own SQLState, from a trigger on the append.
        jdbc.execute("CREATE FUNCTION disk_is_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " RAISE EXCEPTION USING ERRCODE = '53100',"
                + " MESSAGE = 'could not extend file \"base/16384/16390\": No space left on device'; END $$");
        jdbc.execute("CREATE TRIGGER disk_is_full BEFORE INSERT ON domain_event_entry"
                + " FOR EACH ROW EXECUTE FUNCTION disk_is_full()");
        int logBefore = output.length();
        ResponseEntity<String> refused;
        try {
            refused = api.answer(session, questions.get(0));
        } finally {
            jdbc.execute("DROP TRIGGER disk_is_full ON domain_event_entry");
            jdbc.execute("DROP FUNCTION disk_is_full()");
        }

        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(503);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(refused.getBody()).contains("database-out-of-resources").doesNotContain("base/16384");
        assertThat(api.eventCount()).isEqualTo(before);
        List<String> logged = output.toString().substring(logBefore).lines().toList();
        assertThat(logged)
                .filteredOn(line -> line.contains(" ERROR "))
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .contains("disk full (SQLState 53100): could not extend file")
                .doesNotContain("already inserted");
        assertThat(logged).noneMatch(line -> line.startsWith("\tat "));

        assertThat(api.answer(session, questions.get(0)).getStatusCode().value())
                .as("served again once there is space")
                .isEqualTo(201);
    }

    /** Headers, then optionally an empty string and the body. */
    private Answer send(String requestLine, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
            String body = "";
            for (int i = 0; i < headers.length; i++) {
                if (headers[i].isEmpty()) {
                    body = headers[i + 1];
                    break;
                }
                request.append(headers[i]).append("\r\n");
            }
            request.append("Accept: */*\r\nConnection: close\r\n\r\n").append(body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return Answer.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.raw()).startsWith("application/problem+json");
        assertThat(answer.body())
                .as(answer.raw())
                .contains("\"status\":" + status)
                .doesNotContain("\tat ", "Exception");
    }

    private record Answer(int status, String contentType, String body, String raw) {
        static Answer of(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String body = split < 0 ? "" : raw.substring(split + 4);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            String contentType = head.lines()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).strip())
                    .findFirst()
                    .orElse("");
            return new Answer(status, contentType, body, raw);
        }
    }
}
