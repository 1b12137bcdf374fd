package dev.practicetracker.command;

import static dev.practicetracker.command.CommandApi.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.practicetracker.database.EmbeddedDatabase;
import dev.practicetracker.testing.ServiceJar;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The command side on a PostgreSQL of the test's own, stopped and started again under a light load of session starts:
 * while it is away every request is refused at once with 503 problem+json and {@code Retry-After}, readiness is DOWN
 * and liveness UP; once it is back the service is ready again without a restart, and every session start that was
 * acknowledged, before or after, is in the event store.
 */
class DatabaseOutageIntegrationTest {

    private static final Duration GENEROUS_REFUSAL = Duration.ofSeconds(5);

    private enum Phase {
        BEFORE,
        STOPPING,
        DOWN,
        RESTARTING,
        BACK
    }

    private record Outcome(
            Phase started, Phase ended, int status, long millis, String contentType, String retryAfter, String body) {}

    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> acknowledgedSessions = Collections.synchronizedList(new ArrayList<>());
    private volatile Phase phase = Phase.BEFORE;

    @Test
    void whileTheDatabaseIsAwayRequestsAreRefusedFastAndTheServiceIsReadyAgainWhenItIsBack(@TempDir Path dataDirectory)
            throws Exception {
        int port = ServiceJar.freePort();
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, port);
        String url = database.jdbcUrl("postgres");
        ExecutorService load = Executors.newFixedThreadPool(2);
        AtomicBoolean loading = new AtomicBoolean(true);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.datasource.url=" + url)
                .run("--server.port=0")) {
            TestRestTemplate http = http(context);
            CommandApi candidate =
                    new CommandApi(http, context.getBean(JdbcTemplate.class)).newCandidate("cand-outage");
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            for (int i = 0; i < 2; i++) {
                load.submit(() -> startSessions(candidate, loading));
            }
            Thread.sleep(1_500);

            phase = Phase.STOPPING;
            database.close();
            phase = Phase.DOWN;
            long stopped = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> status(http, "/actuator/health/readiness") == 503);
            System.out.printf(
                    "Readiness DOWN %d ms after the database stopped%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped));
            assertThat(status(http, "/actuator/health/liveness")).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> databaseUp(meters) == 0);
            Thread.sleep(4_000);
            assertThat(status(http, "/actuator/health/liveness")).isEqualTo(200);

            phase = Phase.RESTARTING;
            database = EmbeddedDatabase.start(dataDirectory, port);
            long restarted = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).until(() -> status(http, "/actuator/health/readiness") == 200);
            System.out.printf(
                    "Readiness UP %d ms after the database started again%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted));
            phase = Phase.BACK;
            Thread.sleep(2_000);
            loading.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            String after = candidate
                    .startSession(candidate.accountId(), "databases", 1)
                    .get("sessionId")
                    .asText();
            acknowledgedSessions.add(after);
            await().atMost(Duration.ofSeconds(5)).until(() -> databaseUp(meters) == 1);
        } finally {
            loading.set(false);
            load.shutdownNow();
        }

        try {
            List<Outcome> down = outcomes.stream()
                    .filter(o -> o.started() == Phase.DOWN && o.ended() == Phase.DOWN)
                    .toList();
            printLatencies(down);
            assertThat(down).as("requests made while the database was away").hasSizeGreaterThanOrEqualTo(4);
            assertThat(down).allSatisfy(refused -> {
                assertThat(refused.status()).as(refused.body()).isEqualTo(503);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(read(refused.body()).get("type").asText()).isEqualTo("/problems/database-unavailable");
                assertThat(refused.retryAfter()).isNotBlank();
                assertThat(refused.millis()).isLessThan(GENEROUS_REFUSAL.toMillis());
            });
            assertThat(outcomes)
                    .as("every answer, also while stopping and starting, is a success or a retryable refusal")
                    .allSatisfy(outcome ->
                            assertThat(outcome.status()).as(outcome.body()).isIn(201, 503));
            assertThat(outcomes.stream().filter(o -> o.started() == Phase.BEFORE && o.status() == 201))
                    .isNotEmpty();
            assertThat(outcomes.stream().filter(o -> o.started() == Phase.BACK && o.status() == 201))
                    .isNotEmpty();

            try (SingleConnectionDataSource connection = new SingleConnectionDataSource(url, true)) {
                JdbcTemplate jdbc = new JdbcTemplate(connection);
                List<String> stored = jdbc.queryForList(
                        "SELECT aggregate_identifier FROM domain_event_entry WHERE payload_type LIKE '%SessionStartedEvent'",
                        String.class);
                assertThat(stored).containsAll(acknowledgedSessions);
            }
        } finally {
            database.close();
        }
    }

    private void startSessions(CommandApi candidate, AtomicBoolean loading) {
        while (loading.get()) {
            Phase started = phase;
            long start = System.nanoTime();
            ResponseEntity<String> response = candidate.post(
                    "/api/sessions",
                    Map.of("candidateId", candidate.accountId(), "themes", List.of("databases"), "questionCount", 1));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            HttpHeaders headers = response.getHeaders();
            outcomes.add(new Outcome(
                    started,
                    phase,
                    response.getStatusCode().value(),
                    millis,
                    String.valueOf(headers.getContentType()),
                    headers.getFirst(HttpHeaders.RETRY_AFTER),
                    abbreviated(response.getBody())));
            if (response.getStatusCode().value() == 201) {
                acknowledgedSessions.add(
                        read(response.getBody()).get("sessionId").asText());
            }
            sleep(100);
        }
    }

    /** A problem's body whole, a created session's only as far as its id: failure messages stay readable. */
    private static String abbreviated(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 80) + "...";
    }

    private static void printLatencies(List<Outcome> refused) {
        List<Long> millis = refused.stream().map(Outcome::millis).sorted().toList();
        if (!millis.isEmpty()) {
            System.out.printf(
                    "Refusals while the database was away: %d, median %d ms, max %d ms%n",
                    millis.size(), millis.get(millis.size() / 2), millis.get(millis.size() - 1));
        }
    }

    private static double databaseUp(MeterRegistry meters) {
        return meters.get("tracker.database.up").gauge().value();
    }

    private static int status(TestRestTemplate http, String path) {
        return http.getForEntity(path, String.class).getStatusCode().value();
    }

    private static TestRestTemplate http(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
