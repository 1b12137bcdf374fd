package dev.practicetracker.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds the token in the {@code Authorization: Bearer} header (API clients) or else in the HttpOnly cookie the web
 * pages get at login (browsers cannot add headers to a server-sent events request or a download link).
 */
public class TokenResolver implements BearerTokenResolver {

    static final String LOGIN = "/api/auth/token";
    private static final java.util.Set<String> LOGIN_AND_LOGOUT = java.util.Set.of(LOGIN, "/api/auth/logout");

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
    private final String cookieName;

    public TokenResolver(String cookieName) {
        this.cookieName = cookieName;
    }

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        String fromHeader = header.resolve(request);
        if (fromHeader != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return fromHeader;
        }
        // The page cookie is for the API the pages call. The pages, their assets, logging in and out are public, and
        // a stale cookie (expired, locked, or for a role changed since) must not stop the way back to the login page.
        String path = path(request);
        if (!path.startsWith("/api/") || LOGIN_AND_LOGOUT.contains(path)) {
            return null;
        }
        return fromCookie(request);
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    public @Nullable String fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookieName.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
