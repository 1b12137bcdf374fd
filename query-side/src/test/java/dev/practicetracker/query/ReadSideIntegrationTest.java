package dev.practicetracker.query;

import static org.awaitility.Awaitility.await;

import dev.practicetracker.database.FreshTestDatabase;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.account.AccountCreatedEvent;
import dev.practicetracker.events.account.RetentionPolicySetEvent;
import dev.practicetracker.security.Tokens;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * A query-side application on a database of its own, into whose event store a test appends events as the command side
 * would, then reads the read models over HTTP once the processor has caught up.
 *
 * <p>Every endpoint but health, metrics and the API description needs a token: {@link #asCandidate}, {@link #asCoach}
 * and {@link #asAdmin} open the account (an {@code AccountCreatedEvent}, as the command side would append) the first
 * time it is named and return a client that sends a token for it. {@link #http} is anonymous.
 */
// Metrics exported as in production, so that /actuator/prometheus exists and its access is tested; one context for all.
@AutoConfigureObservability(tracing = false)
// The database is FreshTestDatabase's: no embedded PostgreSQL started (and left to stop) for nothing.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The stored profiles are restated as of now only when a test asks (ProfileRefresher), never half-way through
        // one.
        properties = {"TRACKER_EMBEDDED_DATABASE=false", "PROFILE_REFRESH_INTERVAL=3650d"})
@ContextConfiguration(initializers = FreshTestDatabase.class)
public abstract class ReadSideIntegrationTest {

    @Autowired
    protected EventStore eventStore;

    @Autowired
    protected EventProcessingConfiguration processing;

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected Tokens tokens;

    @Autowired
    private RestTemplateBuilder restTemplates;

    /** The admin every test class may use. */
    protected static final String ADMIN = "admin-of-tests";

    private final Map<String, Long> sequences = new HashMap<>();

    /** Appends the events, each to the aggregate its id names, in order, in one transaction. */
    protected void append(Object... payloads) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            String aggregateId = aggregateIdOf(payload);
            long sequence = sequences.merge(aggregateId, 0L, (old, zero) -> old + 1);
            if (sequence == 0) {
                Long stored = jdbc.queryForObject(
                        "SELECT COALESCE(MAX(sequence_number) + 1, 0) FROM domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        aggregateId);
                sequence = stored == null ? 0 : stored;
                sequences.put(aggregateId, sequence);
            }
            messages.add(new GenericDomainEventMessage<>(
                    payload.getClass().getSimpleName().replace("Event", ""), aggregateId, sequence, payload));
        }
        eventStore.publish(messages);
    }

    /** Appends the events and waits until the read models reflect them. */
    protected void appendAndWait(Object... payloads) {
        append(payloads);
        awaitCaughtUp();
    }

    protected void awaitCaughtUp() {
        Long head = jdbc.queryForObject("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class);
        PooledStreamingEventProcessor processor = processing
                .eventProcessor("read-models", PooledStreamingEventProcessor.class)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                    return !status.isEmpty()
                            && status.values().stream()
                                    .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
                });
    }

    protected TestRestTemplate asCandidate(Object candidateId) {
        return as(candidateId.toString(), Role.CANDIDATE);
    }

    protected TestRestTemplate asCoach(Object coachId) {
        return as(coachId.toString(), Role.COACH);
    }

    protected TestRestTemplate asAdmin() {
        return as(ADMIN, Role.ADMIN);
    }

    /** A client sending a fresh token for {@code accountId}, whose account is opened here first if need be. */
    protected TestRestTemplate as(String accountId, Role role) {
        return withToken(token(accountId, role));
    }

    protected TestRestTemplate withToken(String token) {
        TestRestTemplate client =
                new TestRestTemplate(restTemplates.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        client.setUriTemplateHandler(http.getRestTemplate().getUriTemplateHandler());
        return client;
    }

    /** A token as a login now would issue it: at the account's current credentials version. */
    protected String token(String accountId, Role role) {
        account(accountId, role);
        Long version = jdbc.queryForObject(
                "SELECT credentials_version FROM qs_accounts WHERE account_id = ?", Long.class, accountId);
        return tokens.issue(PersonId.of(accountId), role, accountId, version).value();
    }

    /** Opens the account unless the read side knows it already, and waits until it does. */
    protected void account(String accountId, Role role) {
        Boolean known = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM qs_accounts WHERE account_id = ?)", Boolean.class, accountId);
        if (!Boolean.TRUE.equals(known)) {
            appendAndWait(new AccountCreatedEvent(
                    PersonId.of(accountId),
                    accountId,
                    displayName(accountId),
                    role,
                    PersonId.of(ADMIN),
                    Instant.now()));
        }
    }

    /** The display name {@link #account} gives an account, for tests that look for it (or for its absence). */
    protected static String displayName(String accountId) {
        return "Name of " + accountId;
    }

    private static String aggregateIdOf(Object payload) {
        for (String name : List.of("sessionId", "cohortId", "questionId", "accountId")) {
            for (RecordComponent component : payload.getClass().getRecordComponents()) {
                if (component.getName().equals(name)) {
                    try {
                        return component.getAccessor().invoke(payload).toString();
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        if (payload instanceof RetentionPolicySetEvent) {
            return RetentionPolicySetEvent.POLICY_ID;
        }
        throw new IllegalArgumentException("no aggregate id in " + payload);
    }
}
