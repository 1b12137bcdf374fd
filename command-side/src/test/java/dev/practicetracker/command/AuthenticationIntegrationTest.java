package dev.practicetracker.command;

import static dev.practicetracker.command.CommandApi.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.practicetracker.database.FreshTestDatabase;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.security.TokenProperties;
import dev.practicetracker.security.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Who is acting comes from a valid token of an account that may still act, never from the body; logins are throttled
 * and tell nothing about which part was wrong.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshTestDatabase.class)
class AuthenticationIntegrationTest {

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private TokenProperties tokenProperties;

    private CommandApi admin;
    private CommandApi candidate;
    private String session;
    private String question;

    @BeforeEach
    void aCandidateWithAnAnsweredSession() {
        admin = new CommandApi(http, jdbc);
        candidate = admin.newCandidate(unique("cand"));
        JsonNode started = candidate.startSession(candidate.accountId(), "databases", 1);
        session = started.get("sessionId").asText();
        question = CommandApi.questionIds(started).get(0);
        assertThat(candidate.answer(session, question).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void loginAnswersTheTokenTheAccountAndAnHttpOnlyStrictCookie() {
        ResponseEntity<String> response = CommandApi.loginResponse(http, candidate.accountId(), CommandApi.PASSWORD);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode body = read(response.getBody());
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(8 * 3600);
        assertThat(body.get("account").get("accountId").asText()).isEqualTo(candidate.accountId());
        assertThat(body.get("account").get("role").asText()).isEqualTo("candidate");
        String cookie = tokenCookie(response);
        assertThat(cookie)
                .startsWith(tokenProperties.cookieName() + "="
                        + body.get("accessToken").asText())
                .contains("HttpOnly", "SameSite=Strict", "Path=/");
        assertThat(response.getBody()).doesNotContain("$2a$", "{bcrypt}");
    }

    @Test
    void aStalePageCookieDoesNotStopLoggingInOrOut() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        // A browser's request: the stale token cookie, and the double-submitted CSRF token the pages echo.
        headers.add(HttpHeaders.COOKIE, tokenProperties.cookieName() + "=stale.token.value; XSRF-TOKEN=page-token");
        headers.add("X-XSRF-TOKEN", "page-token");
        String login =
                "{\"username\": \"" + candidate.accountId() + "\", \"password\": \"" + CommandApi.PASSWORD + "\"}";

        ResponseEntity<String> in = http.exchange(
                "/api/auth/token",
                org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(login, headers),
                String.class);
        ResponseEntity<String> out = http.exchange(
                "/api/auth/logout",
                org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(headers),
                String.class);

        assertThat(in.getStatusCode().value()).as(in.getBody()).isEqualTo(200);
        assertThat(out.getStatusCode().value()).as(out.getBody()).isEqualTo(204);
    }

    @Test
    void logoutClearsTheCookie() {
        ResponseEntity<String> response = candidate.post("/api/auth/logout", "");

        assertThat(response.getStatusCode().value()).isEqualTo(204);
        assertThat(tokenCookie(response))
                .startsWith(tokenProperties.cookieName() + "=;")
                .contains("Max-Age=0");
    }

    @Test
    void aWrongPasswordAndAnUnknownUsernameGetTheSameAnswer() {
        ResponseEntity<String> wrongPassword =
                CommandApi.loginResponse(http, candidate.accountId(), "not the password at all");
        ResponseEntity<String> unknownName = CommandApi.loginResponse(http, unique("nobody"), CommandApi.PASSWORD);

        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
        assertThat(unknownName.getStatusCode().value()).isEqualTo(401);
        assertThat(read(wrongPassword.getBody()).get("detail"))
                .isEqualTo(read(unknownName.getBody()).get("detail"));
        assertThat(wrongPassword.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void startingASessionForAnotherCandidateIsForbiddenAndWritesNothing() {
        CommandApi other = admin.newCandidate(unique("other"));
        long before = candidate.eventCount();

        ResponseEntity<String> response = candidate.post(
                "/api/sessions",
                Map.of("candidateId", other.accountId(), "themes", List.of("databases"), "questionCount", 1));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
        assertThat(candidate.eventCount()).isEqualTo(before);
    }

    @Test
    void ratingUnderAnotherRatersIdIsForbiddenAndWritesNothing() {
        CommandApi other = admin.newCandidate(unique("other"));
        long before = candidate.eventCount();

        ResponseEntity<String> response = candidate.rate(session, question, other.accountId(), "self");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
        assertThat(candidate.eventCount()).isEqualTo(before);
    }

    @Test
    void ratingUnderARoleTheAccountDoesNotHaveIsForbiddenAndWritesNothing() {
        long before = candidate.eventCount();

        ResponseEntity<String> response = candidate.rate(session, question, candidate.accountId(), "peer");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
        assertThat(candidate.eventCount()).isEqualTo(before);
    }

    @Test
    void revisingSomeoneElsesRatingIsForbiddenAndWritesNothing() {
        assertThat(candidate.rate(session, question).getStatusCode().value()).isEqualTo(201);
        CommandApi other = admin.newCandidate(unique("other"));
        long before = candidate.eventCount();

        ResponseEntity<String> response = other.put(
                "/api/sessions/" + session + "/answers/" + question + "/ratings/" + candidate.accountId(),
                Map.of("scores", CommandApi.GOOD_SCORES));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
        assertThat(candidate.eventCount()).isEqualTo(before);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        String expired = new Tokens(tokenProperties, yesterday)
                .issue(PersonId.of(candidate.accountId()), Role.CANDIDATE, candidate.accountId())
                .value();

        ResponseEntity<String> response = candidate.withToken(expired).answer(session, question);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(read(response.getBody()).get("detail").asText()).contains("expired");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = candidate.token().split("\\.");
        String payload =
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"candidate\"", "\"admin\"");
        String forged = parts[0] + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        long before = admin.eventCount();

        ResponseEntity<String> response = candidate
                .withToken(forged)
                .post("/api/cohorts", Map.of("name", "Forged", "coachId", candidate.accountId()));

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(admin.eventCount()).isEqualTo(before);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        TokenProperties otherSecret =
                new TokenProperties("another-secret-that-is-long-enough-to-be-accepted-here", null, null, null, false);
        String token = new Tokens(otherSecret, Clock.systemUTC())
                .issue(PersonId.of(candidate.accountId()), Role.CANDIDATE, candidate.accountId())
                .value();

        assertThat(candidate
                        .withToken(token)
                        .answer(session, question)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void theSixthLoginAttemptIsRefusedEvenWithTheRightPasswordWhileOtherNamesAreUnaffected() {
        CommandApi target = admin.newCandidate(unique("target"));
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(CommandApi.loginResponse(http, target.accountId(), "wrong password " + attempt)
                            .getStatusCode()
                            .value())
                    .isEqualTo(401);
        }

        ResponseEntity<String> sixth = CommandApi.loginResponse(http, target.accountId(), CommandApi.PASSWORD);

        assertThat(sixth.getStatusCode().value()).isEqualTo(429);
        assertThat(sixth.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(Long.parseLong(sixth.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                .isBetween(1L, 15 * 60L + 1);
        assertThat(CommandApi.loginResponse(http, candidate.accountId(), CommandApi.PASSWORD)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void lockingAnAccountRefusesItsExistingTokenAtOnceAndItsLoginUntilUnlocked() {
        assertThat(admin.post("/api/accounts/" + candidate.accountId() + "/lock", Map.of("reason", "test"))
                        .getStatusCode()
                        .value())
                .isEqualTo(202);

        assertThat(candidate.answer(session, question).getStatusCode().value()).isEqualTo(401);
        assertThat(CommandApi.loginResponse(http, candidate.accountId(), CommandApi.PASSWORD)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);

        assertThat(admin.post("/api/accounts/" + candidate.accountId() + "/unlock", "")
                        .getStatusCode()
                        .value())
                .isEqualTo(202);
        assertThat(candidate.rate(session, question).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aRoleChangeRefusesTokensIssuedForTheEarlierRole() {
        assertThat(admin.put("/api/accounts/" + candidate.accountId() + "/role", Map.of("role", "coach"))
                        .getStatusCode()
                        .value())
                .isEqualTo(202);

        assertThat(candidate.rate(session, question).getStatusCode().value()).isEqualTo(401);
        assertThat(candidate
                        .as(candidate.accountId())
                        .rate(session, question)
                        .getStatusCode()
                        .value())
                .as("a coach who does not coach the candidate finds no such session")
                .isEqualTo(404);
    }

    @Test
    void aWithdrawnAccountCannotLogInNorBeUnlocked() {
        assertThat(admin.post("/api/accounts/" + candidate.accountId() + "/withdraw", "")
                        .getStatusCode()
                        .value())
                .isEqualTo(202);

        assertThat(candidate.answer(session, question).getStatusCode().value()).isEqualTo(401);
        assertThat(CommandApi.loginResponse(http, candidate.accountId(), CommandApi.PASSWORD)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        ResponseEntity<String> unlock = admin.post("/api/accounts/" + candidate.accountId() + "/unlock", "");
        assertThat(unlock.getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void aFailureInTheAccountLookupRollsTheCommandBack() {
        // The lookup row gone, so its subscribing handler fails on the lock; the event must not be committed alone.
        jdbc.update("DELETE FROM command_accounts WHERE account_id = ?", candidate.accountId());
        long before = admin.eventCount();

        ResponseEntity<String> response = admin.post("/api/accounts/" + candidate.accountId() + "/lock", "");

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(admin.eventCount()).isEqualTo(before);
    }

    @Test
    void anAdminCannotLockThemselves() {
        long before = admin.eventCount();

        ResponseEntity<String> response = admin.post("/api/accounts/" + admin.accountId() + "/lock", "");

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(read(response.getBody()).get("rule").asText()).isEqualTo("admin-self");
        assertThat(admin.eventCount()).isEqualTo(before);
    }

    @Test
    void aUsernameIsUniqueWhateverItsCase() {
        long before = admin.eventCount();

        ResponseEntity<String> response = admin.post(
                "/api/accounts",
                Map.of(
                        "username",
                        candidate.accountId().toUpperCase(java.util.Locale.ROOT),
                        "displayName",
                        "Same name",
                        "role",
                        "candidate",
                        "password",
                        CommandApi.PASSWORD));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(409);
        assertThat(admin.eventCount()).isEqualTo(before);
    }

    @Test
    void passwordHashesAreStoredOnlyInTheCredentialsTableAndNeverInAnEvent() {
        assertThat(jdbc.queryForObject(
                        // The catalogue's security questions speak of bcrypt; no event carries a hash or a password.
                        "SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE '%$2a$%'"
                                + " OR (payload_type LIKE '%.account.%' AND (convert_from(payload, 'UTF8') LIKE"
                                + " '%bcrypt%' OR convert_from(payload, 'UTF8') LIKE '%' || ? || '%'))",
                        Long.class, CommandApi.PASSWORD))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT password_hash FROM command_credentials WHERE account_id = ?",
                        String.class,
                        candidate.accountId()))
                .startsWith("{bcrypt}$2a$");
    }

    @Test
    void enrollingSomeoneWhoIsNotAnActiveCandidateBreaksARule() {
        CommandApi coach = admin.newCoach(unique("coach"));
        String cohort = "cohort-" + UUID.randomUUID();
        assertThat(admin.post("/api/cohorts", Map.of("cohortId", cohort, "name", "C", "coachId", coach.accountId()))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);

        ResponseEntity<String> response =
                admin.post("/api/cohorts/" + cohort + "/enrolments", Map.of("candidateId", coach.accountId()));

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(read(response.getBody()).get("rule").asText()).isEqualTo("not-an-active-candidate");
        ResponseEntity<String> noCoach =
                admin.post("/api/cohorts", Map.of("name", "C", "coachId", candidate.accountId()));
        assertThat(noCoach.getStatusCode().value()).isEqualTo(422);
        assertThat(read(noCoach.getBody()).get("rule").asText()).isEqualTo("not-an-active-coach");
    }

    private String tokenCookie(ResponseEntity<String> response) {
        return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(cookie -> cookie.startsWith(tokenProperties.cookieName() + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no token cookie in " + response.getHeaders()));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
