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
        ResponseEntity<String> response = CommandApi.loginResponse(http, candidate.username(), CommandApi.PASSWORD);

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
                .contains("HttpOnly", "SameSite=Strict", "Path=/")
                .as("on a laptop, served over plain HTTP")
                .doesNotContain("Secure");
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
                "{\"username\": \"" + candidate.username() + "\", \"password\": \"" + CommandApi.PASSWORD + "\"}";

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
                CommandApi.loginResponse(http, candidate.username(), "not the password at all");
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
                .issue(PersonId.of(candidate.accountId()), Role.CANDIDATE, candidate.accountId(), 0)
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
                .issue(PersonId.of(candidate.accountId()), Role.CANDIDATE, candidate.accountId(), 0)
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
            assertThat(CommandApi.loginResponse(http, target.username(), "wrong password " + attempt)
                            .getStatusCode()
                            .value())
                    .isEqualTo(401);
        }

        ResponseEntity<String> sixth = CommandApi.loginResponse(http, target.username(), CommandApi.PASSWORD);

        assertThat(sixth.getStatusCode().value()).isEqualTo(429);
        assertThat(sixth.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(Long.parseLong(sixth.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                .isBetween(1L, 15 * 60L + 1);
        assertThat(CommandApi.loginResponse(http, candidate.username(), CommandApi.PASSWORD)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void theSixthCurrentPasswordGuessIsRefusedEvenWhenRightAndWritesNothingWhileLoggingInStillWorks() {
        String path = "/api/accounts/" + candidate.accountId() + "/password";
        String newPassword = "a guessed-at account's new passphrase";
        long changesBefore = admin.eventCount("PasswordChangedEvent");
        for (int attempt = 1; attempt <= 5; attempt++) {
            expectStatus(
                    candidate.put(path, Map.of("password", newPassword, "currentPassword", "wrong guess " + attempt)),
                    403);
        }

        ResponseEntity<String> sixth =
                candidate.put(path, Map.of("password", newPassword, "currentPassword", CommandApi.PASSWORD));

        assertThat(sixth.getStatusCode().value()).as(sixth.getBody()).isEqualTo(429);
        assertThat(sixth.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(read(sixth.getBody()).get("type").asText()).endsWith("/too-many-password-guesses");
        assertThat(Long.parseLong(sixth.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
                .isBetween(1L, 15 * 60L + 1);
        assertThat(admin.eventCount("PasswordChangedEvent")).isEqualTo(changesBefore);
        assertThat(CommandApi.loginResponse(http, candidate.username(), CommandApi.PASSWORD)
                        .getStatusCode()
                        .value())
                .as("the guesses do not lock the owner out of logging in with the old password")
                .isEqualTo(200);
    }

    @Test
    void lockingAnAccountRefusesItsExistingTokenForGoodAndItsLoginUntilUnlocked() {
        assertThat(admin.post("/api/accounts/" + candidate.accountId() + "/lock", Map.of("reason", "test"))
                        .getStatusCode()
                        .value())
                .isEqualTo(202);

        assertThat(candidate.answer(session, question).getStatusCode().value()).isEqualTo(401);
        assertThat(CommandApi.loginResponse(http, candidate.username(), CommandApi.PASSWORD)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);

        assertThat(admin.post("/api/accounts/" + candidate.accountId() + "/unlock", "")
                        .getStatusCode()
                        .value())
                .isEqualTo(202);
        assertThat(candidate.rate(session, question).getStatusCode().value())
                .as("the token from before the lock, after the unlock")
                .isEqualTo(401);
        assertThat(candidate
                        .as(candidate.username())
                        .rate(session, question)
                        .getStatusCode()
                        .value())
                .as("a login after the unlock")
                .isEqualTo(201);
    }

    @Test
    void aStolenTokenStaysRefusedAfterLockPasswordResetAndUnlock() {
        String stolen = candidate.token();
        String newPassword = "a brand new passphrase, long enough";

        expectStatus(admin.post("/api/accounts/" + candidate.accountId() + "/lock", Map.of()), 202);
        expectStatus(
                admin.put("/api/accounts/" + candidate.accountId() + "/password", Map.of("password", newPassword)),
                202);
        expectStatus(admin.post("/api/accounts/" + candidate.accountId() + "/unlock", ""), 202);

        assertThat(candidate
                        .withToken(stolen)
                        .answer(session, question)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(CommandApi.loginResponse(http, candidate.username(), newPassword)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void aRoleChangedAwayAndBackDoesNotBringTheEarlierTokenBack() {
        expectStatus(admin.put("/api/accounts/" + candidate.accountId() + "/role", Map.of("role", "coach")), 202);
        expectStatus(admin.put("/api/accounts/" + candidate.accountId() + "/role", Map.of("role", "candidate")), 202);

        assertThat(candidate.rate(session, question).getStatusCode().value()).isEqualTo(401);
        assertThat(candidate
                        .as(candidate.username())
                        .rate(session, question)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
    }

    @Test
    void changingOnesOwnPasswordEndsOnesOtherLogins() {
        CommandApi otherDevice = candidate.as(candidate.username());
        String newPassword = "another long enough passphrase";

        expectStatus(
                candidate.put(
                        "/api/accounts/" + candidate.accountId() + "/password",
                        Map.of("password", newPassword, "currentPassword", CommandApi.PASSWORD)),
                202);

        assertThat(otherDevice.answer(session, question).getStatusCode().value())
                .isEqualTo(401);
        assertThat(candidate.answer(session, question).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void signingOutEverywhereRefusesEveryEarlierTokenOfTheAccountAndNoOtherAccounts() {
        CommandApi otherDevice = candidate.as(candidate.username());
        CommandApi someoneElse = admin.newCandidate(unique("else"));

        ResponseEntity<String> signedOut =
                candidate.post("/api/accounts/" + candidate.accountId() + "/sign-out-everywhere", "");

        assertThat(signedOut.getStatusCode().value()).as(signedOut.getBody()).isEqualTo(202);
        assertThat(candidate.answer(session, question).getStatusCode().value()).isEqualTo(401);
        assertThat(otherDevice.answer(session, question).getStatusCode().value())
                .isEqualTo(401);
        assertThat(someoneElse
                        .startSession(someoneElse.accountId(), "databases", 1)
                        .get("sessionId")
                        .asText())
                .isNotBlank();
        assertThat(candidate
                        .as(candidate.username())
                        .rate(session, question)
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
    }

    @Test
    void aCandidateCannotSignAnotherAccountOutAndWritesNothing() {
        CommandApi other = admin.newCandidate(unique("victim"));
        long before = admin.eventCount();

        ResponseEntity<String> refused =
                candidate.post("/api/accounts/" + other.accountId() + "/sign-out-everywhere", "");

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(admin.eventCount()).isEqualTo(before);
        assertThat(other.startSession(other.accountId(), "databases", 1)
                        .get("sessionId")
                        .asText())
                .isNotBlank();
    }

    @Test
    void aChangeAuthenticatedByThePageCookieAloneIsRefusedWithoutTheXsrfHeaderAndWritesNothing() {
        String complete = "/api/sessions/" + session + "/complete";
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        long before = admin.eventCount();
        for (String[] change : new String[][] {
            {"POST", "/api/sessions", "{\"themes\": [\"databases\"], \"questionCount\": 1}"},
            {"POST", complete, null},
            {
                "PUT",
                "/api/accounts/" + candidate.accountId() + "/password",
                "{\"password\": \"a new passphrase of length\", \"currentPassword\": \"" + CommandApi.PASSWORD + "\"}"
            },
            {"POST", "/api/accounts/" + candidate.accountId() + "/sign-out-everywhere", null}
        }) {
            ResponseEntity<String> response = byCookie(candidate, change[0], change[1], change[2], null);
            refusals.put(
                    change[0] + " " + change[1],
                    response.getStatusCode().value() + " "
                            + response.getHeaders().getContentType());
        }
        ResponseEntity<String> adminCreatesAdmin = byCookie(
                admin,
                "POST",
                "/api/accounts",
                "{\"username\": \"" + unique("sneaky") + "\", \"displayName\": \"Sneaky\", \"role\": \"admin\","
                        + " \"password\": \"" + CommandApi.PASSWORD + "\"}",
                null);
        refusals.put(
                "POST /api/accounts as admin",
                adminCreatesAdmin.getStatusCode().value() + " "
                        + adminCreatesAdmin.getHeaders().getContentType());

        assertThat(refusals.values()).allMatch(answer -> answer.equals("403 application/problem+json"), "403 problem");
        assertThat(admin.eventCount()).isEqualTo(before);
        ResponseEntity<String> fromThePage = byCookie(candidate, "POST", complete, null, "echoed");
        assertThat(fromThePage.getStatusCode().value())
                .as("the same change with the XSRF token echoed")
                .isEqualTo(202);
        assertThat(fromThePage.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE))
                .as("the page keeps its XSRF token for its next change")
                .noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN=;"));
        assertThat(byCookie(candidate, "POST", complete, null, "wrong")
                        .getStatusCode()
                        .value())
                .as("an echoed token that does not match the cookie")
                .isEqualTo(403);
    }

    @Test
    void everyAnswerSaysThatNoAddressLeavesTheSiteAndNoDeviceMayBeUsed() {
        ResponseEntity<String> login = CommandApi.loginResponse(http, candidate.username(), CommandApi.PASSWORD);
        ResponseEntity<String> refused = CommandApi.anonymous(http, jdbc).post("/api/sessions", Map.of());

        for (ResponseEntity<String> response : List.of(login, refused)) {
            assertThat(response.getHeaders().getFirst("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(response.getHeaders().getFirst("Permissions-Policy")).contains("camera=()", "geolocation=()");
            assertThat(response.getHeaders().getFirst("Content-Security-Policy"))
                    .contains("script-src 'self'");
        }
    }

    @Test
    void loggingInWorksWhateverCookieTheClientKeeps() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        headers.add(HttpHeaders.COOKIE, tokenProperties.cookieName() + "=" + candidate.token() + "; XSRF-TOKEN=kept");
        String login =
                "{\"username\": \"" + candidate.username() + "\", \"password\": \"" + CommandApi.PASSWORD + "\"}";

        ResponseEntity<String> again = http.exchange(
                "/api/auth/token",
                org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(login, headers),
                String.class);

        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(200);
    }

    /**
     * A browser's request with the page cookie and no {@code Authorization} header; {@code xsrf} "echoed" sends the
     * XSRF cookie and the same value in the header, "wrong" a header that differs, null neither.
     */
    private ResponseEntity<String> byCookie(CommandApi who, String method, String path, String body, String xsrf) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        String cookies = tokenProperties.cookieName() + "=" + who.token();
        if (xsrf != null) {
            cookies += "; XSRF-TOKEN=page-token";
            headers.add("X-XSRF-TOKEN", xsrf.equals("echoed") ? "page-token" : "another-token");
        }
        headers.add(HttpHeaders.COOKIE, cookies);
        return http.exchange(
                path,
                org.springframework.http.HttpMethod.valueOf(method),
                new org.springframework.http.HttpEntity<>(body, headers),
                String.class);
    }

    private static void expectStatus(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    }

    @Test
    void aRoleChangeRefusesTokensIssuedForTheEarlierRole() {
        assertThat(admin.put("/api/accounts/" + candidate.accountId() + "/role", Map.of("role", "coach"))
                        .getStatusCode()
                        .value())
                .isEqualTo(202);

        assertThat(candidate.rate(session, question).getStatusCode().value()).isEqualTo(401);
        assertThat(candidate
                        .as(candidate.username())
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
        assertThat(CommandApi.loginResponse(http, candidate.username(), CommandApi.PASSWORD)
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
                        candidate.username().toUpperCase(java.util.Locale.ROOT),
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
        String cohort = admin.newCohort("C", coach.accountId());

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
