package dev.practicetracker.query.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.account.AccountLockedEvent;
import dev.practicetracker.events.account.AccountRoleChangedEvent;
import dev.practicetracker.events.account.AccountUnlockedEvent;
import dev.practicetracker.query.ReadSideIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Who was allowed what, and when, answered from the account's events. */
class AccountHistoryIntegrationTest extends ReadSideIntegrationTest {

    private final String person = "person-" + UUID.randomUUID();

    @Test
    void anAdminReadsEveryChangeToAnAccountInOrderWithWhoMadeIt() {
        account(person, Role.CANDIDATE);
        Instant locked = Instant.parse("2026-11-02T09:00:00Z");
        Instant unlocked = Instant.parse("2026-11-03T09:00:00Z");
        Instant promoted = Instant.parse("2026-11-04T09:00:00Z");
        appendAndWait(
                new AccountLockedEvent(PersonId.of(person), "shared their password", PersonId.of(ADMIN), locked),
                new AccountUnlockedEvent(PersonId.of(person), PersonId.of(ADMIN), unlocked),
                new AccountRoleChangedEvent(
                        PersonId.of(person), Role.CANDIDATE, Role.COACH, PersonId.of(ADMIN), promoted));

        JsonNode history = asAdmin().getForObject("/api/admin/accounts/" + person + "/history", JsonNode.class);

        assertThat(history.at("/account/role").asText()).isEqualTo("coach");
        List<String> changes = new ArrayList<>();
        history.get("changes")
                .forEach(change -> changes.add(change.get("change").asText()));
        assertThat(changes).containsExactly("created", "locked", "unlocked", "role changed");
        JsonNode lock = history.at("/changes/1");
        assertThat(lock.get("at").asText()).isEqualTo("2026-11-02T09:00:00Z");
        assertThat(lock.get("reason").asText()).isEqualTo("shared their password");
        assertThat(lock.get("by").asText()).isEqualTo(ADMIN);
        assertThat(lock.get("byName").asText()).isEqualTo(displayName(ADMIN));
        JsonNode roleChange = history.at("/changes/3");
        assertThat(roleChange.get("previousRole").asText()).isEqualTo("candidate");
        assertThat(roleChange.get("role").asText()).isEqualTo("coach");
        assertThat(history.toString()).doesNotContain("$2a$", "{bcrypt}");
    }

    @Test
    void anUnknownAccountHasNoHistory() {
        ResponseEntity<String> unknown =
                asAdmin().getForEntity("/api/admin/accounts/no-such-account/history", String.class);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
