package dev.practicetracker.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.account.AccountLockedEvent;
import dev.practicetracker.events.account.AccountRoleChangedEvent;
import dev.practicetracker.events.account.AccountSignedOutEverywhereEvent;
import dev.practicetracker.events.account.AccountUnlockedEvent;
import dev.practicetracker.events.account.AccountWithdrawnEvent;
import dev.practicetracker.events.account.PasswordChangedEvent;
import dev.practicetracker.query.ReadSideIntegrationTest;
import dev.practicetracker.security.TokenProperties;
import dev.practicetracker.security.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A token is only as good as the account behind it, as the read side knows it: locked, withdrawn, role changed,
 * password changed, signed out everywhere, unknown, expired, tampered or signed with another key all answer 401 on the
 * next request, and an unlock or a role changed back does not bring an earlier token back.
 */
class TokenRefusalIntegrationTest extends ReadSideIntegrationTest {

    private final String person = "cand-" + UUID.randomUUID();

    @Test
    void aLockedAccountsTokenIsRefusedOnceTheLockIsProcessedAndStaysRefusedAfterTheUnlock() {
        String token = token(person, Role.CANDIDATE);
        assertThat(me(token).getStatusCode()).isEqualTo(HttpStatus.OK);

        appendAndWait(
                new AccountLockedEvent(PersonId.of(person), "left laptop open", PersonId.of(ADMIN), Instant.now()));
        ResponseEntity<JsonNode> locked = me(token);

        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(locked.getHeaders().getContentType().toString()).contains("application/problem+json");

        appendAndWait(new AccountUnlockedEvent(PersonId.of(person), PersonId.of(ADMIN), Instant.now()));
        assertThat(me(token).getStatusCode())
                .as("a token from before the lock, after the unlock")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(me(token(person, Role.CANDIDATE)).getStatusCode())
                .as("a token from a login after the unlock")
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPasswordChangeOrSigningOutEverywhereRefusesEveryEarlierTokenButNotLaterOnes() {
        String beforePassword = token(person, Role.CANDIDATE);

        appendAndWait(new PasswordChangedEvent(PersonId.of(person), PersonId.of(person), Instant.now()));
        String afterPassword = token(person, Role.CANDIDATE);
        appendAndWait(new AccountSignedOutEverywhereEvent(PersonId.of(person), PersonId.of(person), Instant.now()));
        String afterSignOut = token(person, Role.CANDIDATE);

        assertThat(me(beforePassword).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(me(afterPassword).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(me(afterSignOut).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aRoleChangedAwayAndBackDoesNotBringBackTheEarlierToken() {
        String asCandidate = token(person, Role.CANDIDATE);

        appendAndWait(
                new AccountRoleChangedEvent(
                        PersonId.of(person), Role.CANDIDATE, Role.COACH, PersonId.of(ADMIN), Instant.now()),
                new AccountRoleChangedEvent(
                        PersonId.of(person), Role.COACH, Role.CANDIDATE, PersonId.of(ADMIN), Instant.now()));

        assertThat(me(asCandidate).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(me(token(person, Role.CANDIDATE)).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aWithdrawnAccountStaysRefusedEvenIfUnlocked() {
        String token = token(person, Role.CANDIDATE);

        appendAndWait(
                new AccountWithdrawnEvent(PersonId.of(person), "found a job", PersonId.of(ADMIN), Instant.now()),
                new AccountUnlockedEvent(PersonId.of(person), PersonId.of(ADMIN), Instant.now()));

        assertThat(me(token).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTokenForTheRoleTheAccountHadBeforeIsRefusedAndOneForItsNewRoleWorks() {
        String asCandidate = token(person, Role.CANDIDATE);

        appendAndWait(new AccountRoleChangedEvent(
                PersonId.of(person), Role.CANDIDATE, Role.COACH, PersonId.of(ADMIN), Instant.now()));

        assertThat(me(asCandidate).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        String asCoach = token(person, Role.COACH);
        assertThat(me(asCoach).getBody().get("role").asText()).isEqualTo("coach");
    }

    @Test
    void anExpiredATamperedAForeignAndAnUnknownAccountsTokenAreAllRefused() {
        String good = token(person, Role.CANDIDATE);
        Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        String expired = new Tokens(tokens.properties(), yesterday)
                .issue(PersonId.of(person), Role.CANDIDATE, person, 0)
                .value();
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + flipFirst(parts[2]);
        String asAdmin = good.replace(
                parts[1],
                java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                                        .replace("\"candidate\"", "\"admin\"")
                                        .getBytes()));
        TokenProperties other = new TokenProperties(
                "another-secret-that-is-long-enough-to-sign-with-0123456789", null, null, null, false);
        String foreign = new Tokens(other, Clock.systemUTC())
                .issue(PersonId.of(person), Role.CANDIDATE, person, 0)
                .value();
        String unknown = tokens.issue(PersonId.of("nobody-" + UUID.randomUUID()), Role.CANDIDATE, "nobody", 0)
                .value();

        assertThat(me(good).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String refused : new String[] {expired, tampered, asAdmin, foreign, unknown, "not-a-token"}) {
            ResponseEntity<JsonNode> response = me(refused);
            assertThat(response.getStatusCode()).as(refused).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getBody().get("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void noAnswerAboutAccountsCarriesAPasswordOrAHash() {
        String token = token(person, Role.CANDIDATE);

        String me = withToken(token).getForObject("/api/me", String.class);
        String accounts = asAdmin().getForObject("/api/admin/accounts?size=100", String.class);

        assertThat(me).contains(person).containsIgnoringCase("\"displayName\"");
        assertThat(accounts).contains(person);
        for (String body : new String[] {me, accounts}) {
            assertThat(body.toLowerCase()).doesNotContain("password", "hash", "$2a$", "$2b$", "{bcrypt}");
        }
    }

    private ResponseEntity<JsonNode> me(String token) {
        return withToken(token).getForEntity("/api/me", JsonNode.class);
    }

    private static String flipFirst(String signature) {
        char first = signature.charAt(0);
        return (first == 'A' ? 'B' : 'A') + signature.substring(1);
    }
}
