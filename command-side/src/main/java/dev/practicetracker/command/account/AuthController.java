package dev.practicetracker.command.account;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.security.Problems;
import dev.practicetracker.security.Tokens;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
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

/** Login and logout over HTTP: the token in the body and in an HttpOnly page cookie; the use case is the service's. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private static final String REFUSED = "the username or the password is wrong, or the account may not log in";

    private final LoginService login;
    private final Tokens tokens;

    AuthController(LoginService login, Tokens tokens) {
        this.login = login;
        this.tokens = tokens;
    }

    record LoginRequest(String username, String password) {}

    record AccountSummary(PersonId accountId, String username, String displayName, Role role) {}

    record TokenResponse(
            String accessToken, String tokenType, Instant expiresAt, long expiresIn, AccountSummary account) {}

    @Operation(summary = "Log in: a bearer token, and the page cookie")
    @PostMapping("/token")
    ResponseEntity<?> login(@RequestBody LoginRequest request, HttpServletRequest http) {
        LoginService.Outcome outcome = login.logIn(request.username(), request.password(), http.getRemoteAddr());
        if (outcome instanceof LoginService.LoggedIn loggedIn) {
            return loggedIn(loggedIn.account(), loggedIn.token());
        }
        if (outcome instanceof LoginService.Throttled throttled) {
            return tooManyAttempts(
                    throttled.retryAfter(), "too-many-logins", "Too many failed logins", "too many failed logins");
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"practice-tracker\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(HttpStatus.UNAUTHORIZED, "login-failed", "Login failed", REFUSED));
    }

    /** 429 with the seconds to wait, both in {@code Retry-After} and in the problem's detail. */
    static ResponseEntity<ProblemDetail> tooManyAttempts(Duration wait, String code, String title, String what) {
        long seconds = Math.max(1, wait.toSeconds() + 1);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(
                        HttpStatus.TOO_MANY_REQUESTS, code, title, what + "; try again in " + seconds + " seconds"));
    }

    private ResponseEntity<?> loggedIn(AccountRegistry.Entry entry, Tokens.IssuedToken token) {
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
    @Operation(summary = "Log out: revokes this token and clears the page cookie")
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
}
