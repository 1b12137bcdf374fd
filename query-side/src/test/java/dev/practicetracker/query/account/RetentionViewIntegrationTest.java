package dev.practicetracker.query.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.account.AccountWithdrawnEvent;
import dev.practicetracker.events.account.PersonErasedEvent;
import dev.practicetracker.events.account.RetentionPolicySetEvent;
import dev.practicetracker.query.ReadSideIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** What the admin page shows of the retention period: the period, who set it, and what it erases next. */
class RetentionViewIntegrationTest extends ReadSideIntegrationTest {

    @Test
    void theAdminSeesThePeriodWhoSetItAndWhenAWithdrawnPersonIsErasedUntilTheyAre() {
        account(ADMIN, Role.ADMIN);
        String leaver = "leaver-" + UUID.randomUUID();
        account(leaver, Role.CANDIDATE);
        Instant set = Instant.parse("2026-11-20T10:00:00Z");
        appendAndWait(new RetentionPolicySetEvent(Duration.ofDays(90), PersonId.of(ADMIN), set));
        long awaitingBefore = retention().get("awaitingErasure").asLong();

        Instant withdrawn = Instant.parse("2026-11-21T10:00:00Z");
        appendAndWait(new AccountWithdrawnEvent(PersonId.of(leaver), "moved on", PersonId.of(ADMIN), withdrawn));
        JsonNode retention = retention();

        assertThat(retention.get("withdrawnErasedAfter").asText()).isEqualTo("PT2160H");
        assertThat(retention.get("withdrawnErasedAfterDays").asLong()).isEqualTo(90);
        assertThat(retention.get("setBy").asText()).isEqualTo(ADMIN);
        assertThat(retention.get("setByName").asText()).isEqualTo(displayName(ADMIN));
        assertThat(retention.get("setAt").asText()).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(retention.get("awaitingErasure").asLong()).isEqualTo(awaitingBefore + 1);
        assertThat(Instant.parse(retention.get("nextErasureAt").asText()))
                .isBeforeOrEqualTo(withdrawn.plus(Duration.ofDays(90)));

        appendAndWait(new PersonErasedEvent(
                PersonId.of(leaver),
                "retention period: withdrawn accounts are erased 90 days after their withdrawal",
                PersonId.of(ADMIN),
                withdrawn.plus(Duration.ofDays(90))));
        assertThat(retention().get("awaitingErasure").asLong()).isEqualTo(awaitingBefore);

        appendAndWait(new RetentionPolicySetEvent(null, PersonId.of(ADMIN), set.plusSeconds(60)));
        JsonNode never = retention();
        assertThat(never.get("withdrawnErasedAfter").isNull()).isTrue();
        assertThat(never.get("nextErasureAt").isNull())
                .as("nothing is erased without a period")
                .isTrue();
    }

    @Test
    void onlyAnAdminSeesIt() {
        assertThat(asCandidate("someone")
                        .getForEntity("/api/admin/retention", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private JsonNode retention() {
        return asAdmin().getForObject("/api/admin/retention", JsonNode.class);
    }
}
