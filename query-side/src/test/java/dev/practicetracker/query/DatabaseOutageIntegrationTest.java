package dev.practicetracker.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.practicetracker.database.EmbeddedDatabase;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.account.AccountCreatedEvent;
import dev.practicetracker.eventstore.NotifiedEventSource;
import dev.practicetracker.security.Tokens;
import dev.practicetracker.testing.ServiceJar;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
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

/**
 * The query side on a PostgreSQL of the test's own, stopped and started again while a reader asks for its account:
 * while the database is away each read (and the account check before it) is refused at once with 503 problem+json and
 * {@code Retry-After}, readiness is DOWN and liveness UP; once it is back the service is ready and answers again, its
 * processor projects new events and the live-updates listener listens again, all without a restart.
 */
class DatabaseOutageIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void whileTheDatabaseIsAwayReadsAreRefusedFastAndEverythingResumesWhenItIsBack(@TempDir Path dataDirectory)
            throws Exception {
        int port = ServiceJar.freePort();
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, port);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.datasource.url=" + database.jdbcUrl("postgres"))
                .run("--server.port=0")) {
            TestRestTemplate http = http(context, null);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            NotifiedEventSource notifications = context.getBean(NotifiedEventSource.class);
            openAccount(context, "cand-before");
            long version = jdbc.queryForObject(
                    "SELECT credentials_version FROM qs_accounts WHERE account_id = 'cand-before'", Long.class);
            TestRestTemplate reader = http(
                    context,
                    context.getBean(Tokens.class)
                            .issue(PersonId.of("cand-before"), Role.CANDIDATE, "cand-before", version)
                            .value());
            assertThat(reader.getForEntity("/api/me", String.class)
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);

            database.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> status(http, "/actuator/health/readiness") == 503);
            assertThat(status(http, "/actuator/health/liveness")).isEqualTo(200);
            List<Long> refusals = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                ResponseEntity<String> refused = reader.getForEntity("/api/me", String.class);
                refusals.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                assertThat(refused.getStatusCode().value())
                        .as(refused.getBody())
                        .isEqualTo(503);
                assertThat(String.valueOf(refused.getHeaders().getContentType()))
                        .isEqualTo("application/problem+json");
                assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                        .isNotBlank();
                assertThat(JSON.readTree(refused.getBody()).get("type").asText())
                        .isEqualTo("/problems/database-unavailable");
            }
            System.out.println("Query side refusals while the database was away (ms): " + refusals);
            assertThat(refusals).allSatisfy(millis -> assertThat(millis).isLessThan(5_000));

            database = EmbeddedDatabase.start(dataDirectory, port);
            long restarted = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).until(() -> status(http, "/actuator/health/readiness") == 200);
            System.out.printf(
                    "Query side ready %d ms after the database started again%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted));
            assertThat(reader.getForEntity("/api/me", String.class)
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
            openAccount(context, "cand-after");
            await().atMost(Duration.ofSeconds(60)).until(notifications::isListening);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM qs_accounts WHERE account_id IN ('cand-before', 'cand-after')",
                            Long.class))
                    .isEqualTo(2);
        } finally {
            database.close();
        }
    }

    /** Appends the account's creation as the command side would, and waits until the processor has projected it. */
    private static void openAccount(ConfigurableApplicationContext context, String accountId) {
        context.getBean(EventStore.class)
                .publish(new GenericDomainEventMessage<>(
                        "Account",
                        accountId,
                        0,
                        new AccountCreatedEvent(
                                PersonId.of(accountId),
                                accountId,
                                "Name of " + accountId,
                                Role.CANDIDATE,
                                PersonId.of("admin"),
                                Instant.now())));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                        "SELECT EXISTS (SELECT 1 FROM qs_accounts WHERE account_id = ?)", Boolean.class, accountId));
    }

    private static int status(TestRestTemplate http, String path) {
        return http.getForEntity(path, String.class).getStatusCode().value();
    }

    private static TestRestTemplate http(ConfigurableApplicationContext context, String token) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        RestTemplateBuilder builder = new RestTemplateBuilder().rootUri("http://localhost:" + port);
        return new TestRestTemplate(
                token == null ? builder : builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}
