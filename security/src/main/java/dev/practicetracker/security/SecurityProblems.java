package dev.practicetracker.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Refusals as {@code application/problem+json}, built by {@link Problems} like every other error of the API: 401 when the request carries no
 * usable credentials (none, expired, tampered, or for an account that may no longer act), 403 when the account may not
 * do this. The detail says which, without echoing the token.
 */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail;
        if (e instanceof InvalidBearerTokenException) {
            detail = "the token was refused: " + invalidTokenReason(String.valueOf(e.getMessage()));
        } else if (e instanceof InsufficientAuthenticationException) {
            detail = "log in first: send 'Authorization: Bearer <token>' from POST /api/auth/token";
        } else {
            detail = "the credentials were refused: " + e.getMessage();
        }
        log.debug("Unauthenticated {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"practice-tracker\"");
        Problems.write(
                Problems.problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required", detail),
                request,
                response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail = e instanceof CsrfException
                ? "a request authenticated by the page cookie must echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header"
                : "this account's role may not do this";
        log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), detail);
        Problems.write(Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail), request, response);
    }

    private static String invalidTokenReason(String message) {
        if (message == null) {
            return "it is not valid";
        }
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("expired")) {
            return "it has expired; log in again";
        }
        if (lower.contains("signature") || lower.contains("malformed") || lower.contains("parse")) {
            return "its signature does not verify";
        }
        return message;
    }
}
