package dev.practicetracker.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser that opens a page the app does not have gets a page saying so (404, {@code /404.html}), with a way back,
 * instead of the API's refusal asking for a bearer token. Only for a browser's navigation (it accepts {@code
 * text/html}) to a path outside the API and the services' own endpoints; every other request is left to the rules.
 */
final class MissingPage extends OncePerRequestFilter implements RequestMatcher {

    private static final String PAGES = "META-INF/resources";
    /** The services' own paths, which answer for themselves (the API, its description, health and metrics). */
    private static final List<String> RESERVED = List.of("/api", "/actuator", "/swagger-ui", "/v3/", "/error");

    private final byte[] page;

    MissingPage() {
        try (InputStream in = resource("/404.html")) {
            if (in == null) {
                throw new IllegalStateException("the web module ships no 404.html");
            }
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || path.equals("/") || RESERVED.stream().anyMatch(path::startsWith)) {
            return false;
        }
        return !shipped(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(page.length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(page);
        }
    }

    private static boolean shipped(String path) {
        if (path.contains("..")) {
            return false;
        }
        try (InputStream in = resource(path)) {
            return in != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static @Nullable InputStream resource(String path) {
        return MissingPage.class.getClassLoader().getResourceAsStream(PAGES + path);
    }
}
