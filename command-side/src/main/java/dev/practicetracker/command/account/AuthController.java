package dev.practicetracker.command.account;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.security.Tokens;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login and logout. A wrong username and a wrong password are answered alike, after the same work (a bcrypt
 * comparison), so the answer does not tell which names exist; nor does a locked or withdrawn account.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private static final Logger log = LoggerFactory.getLogger(AuthController.class);
    private static final String REFUSED = "the username or the password is wrong, or the account may not log in";

    private final AccountRegistry accounts;
    private final JdbcCredentials credentials;
    private final Tokens tokens;
    private final LoginThrottle throttle;

    AuthController(AccountRegistry accounts, JdbcCredentials credentials, Tokens tokens, LoginThrottle throttle) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    record LoginRequest(String username, String password) {}

    record AccountSummary(PersonId accountId, String username, String displayName, Role role) {}

    record TokenResponse(
            String accessToken, String tokenType, Instant expiresAt, long expiresIn, AccountSummary account) {}

    @PostMapping("/token")
    ResponseEntity<?> login(@RequestBody LoginRequest request, HttpServletRequest http) {
        String username =
                request.username() == null ? "" : request.username().strip().toLowerCase(Locale.ROOT);
        String who = fingerprint(username);
        String client = http.getRemoteAddr();
        Optional<Duration> wait = throttle.blocked(username, client);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + 1);
            log.info("Login refused without checking for user#{} from {}: too many failures", who, client);
            ProblemDetail problem = problem(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed logins",
                    "too many failed logins; try again in " + seconds + " seconds");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        Optional<AccountRegistry.Entry> account = accounts.findByUsername(username);
        boolean passwordMatches =
                credentials.verify(account.map(AccountRegistry.Entry::accountId), Password.of(request.password()));
        if (account.isEmpty() || !passwordMatches || !account.get().active()) {
            boolean lockedOut = throttle.failed(username, client);
            log.info("Login failed for user#{} from {}", who, client);
            if (lockedOut) {
                log.warn(
                        "Logins for user#{} or from {} are now refused for a while after repeated failures",
                        who,
                        client);
            }
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"practice-tracker\"")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.UNAUTHORIZED, "Login failed", REFUSED));
        }
        throttle.succeeded(username);
        AccountRegistry.Entry entry = account.get();
        Tokens.IssuedToken token =
                tokens.issue(entry.accountId(), entry.role(), entry.username(), entry.credentialsVersion());
        long expiresIn = Duration.between(token.issuedAt(), token.expiresAt()).toSeconds();
        ResponseCookie cookie = cookie(token.value(), Duration.ofSeconds(expiresIn));
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new TokenResponse(
                        token.value(),
                        "Bearer",
                        token.expiresAt(),
                        expiresIn,
                        new AccountSummary(entry.accountId(), entry.username(), entry.displayName(), entry.role())));
    }

    /**
     * Logging out forgets the page cookie; the token itself stays valid until it expires, unless the account signs out
     * everywhere ({@code POST /api/accounts/{id}/sign-out-everywhere}).
     */
    @PostMapping("/logout")
    ResponseEntity<Void> logout() {
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString())
                .build();
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(tokens.properties().cookieName(), value)
                .httpOnly(true)
                .secure(tokens.properties().cookieSecure())
                .sameSite("Strict")
                .path("/")
                .maxAge(maxAge)
                .build();
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(
                URI.create("/problems/" + (status == HttpStatus.UNAUTHORIZED ? "login-failed" : "too-many-logins")));
        return problem;
    }

    /** Enough to tell repeated attempts on one name apart in the log, without writing the name. */
    static String fingerprint(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
