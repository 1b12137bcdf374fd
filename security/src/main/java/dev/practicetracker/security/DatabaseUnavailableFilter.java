package dev.practicetracker.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 problem+json with {@code Retry-After} for a request that failed because the database is away, where no
 * controller advice sees it: the per-request account lookup of the filter chain, and a handler whose failure Spring MVC
 * passes on. Without it such a request ends as the container's 500. The outage itself is logged once by the event
 * store's database monitor, not here once per request. A database out of disk, memory or connections is answered 503
 * as well, and logged here with the server's reason first, since no monitor sees it.
 */
final class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (response.isCommitted()) {
                throw e;
            }
            Optional<SQLException> exhausted = DatabaseUnavailable.outOfResourcesCauseOf(e);
            if (exhausted.isPresent()) {
                log.error(
                        "{} {} refused with 503, the database is {}",
                        request.getMethod(),
                        request.getRequestURI(),
                        DatabaseUnavailable.describeOutOfResources(exhausted.get()));
                response.resetBuffer();
                response.setHeader(
                        HttpHeaders.RETRY_AFTER,
                        String.valueOf(DatabaseUnavailable.OUT_OF_RESOURCES_RETRY_AFTER_SECONDS));
                Problems.write(DatabaseUnavailable.outOfResourcesProblem(), request, response);
                return;
            }
            Optional<Throwable> cause = DatabaseUnavailable.causeOf(e);
            if (cause.isEmpty()) {
                throw e;
            }
            log.debug(
                    "{} {} refused, the database is unavailable: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    cause.get().getMessage());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            Problems.write(DatabaseUnavailable.problem(), request, response);
        }
    }
}
