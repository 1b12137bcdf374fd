package dev.practicetracker.security;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Tells a failure caused by an unreachable database from any other, wherever it surfaces: the pool giving up on a
 * connection (Hikari's {@link SQLTransientConnectionException}, which Spring wraps as
 * {@code CannotGetJdbcConnectionException} and Axon as an event store or command failure), or the server going away
 * under an open connection (SQLState class {@code 08}, PostgreSQL's shutting down and starting up, {@code 57P0x}, or a
 * pooled connection that Hikari closed after such an error while the request still held it). Such a request is
 * answered 503 with {@code Retry-After}: the same request can be sent again. One that lost its connection while
 * committing may have been stored all the same; its retry then meets the rule that it was done already.
 */
public final class DatabaseUnavailable {

    /** Hikari's message, without an SQLState, for a connection it has evicted (after a fatal error) and closed. */
    private static final String CLOSED_BY_THE_POOL = "Connection is closed";

    /** Seconds a client should wait before trying again; an outage that lasts longer is refused as fast again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {}

    /** The database failure behind {@code failure}, looking through every wrapper; empty for any other failure. */
    public static Optional<Throwable> causeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || (cause instanceof SQLException sql
                            && (isConnectionState(sql.getSQLState())
                                    || (sql.getSQLState() == null && CLOSED_BY_THE_POOL.equals(sql.getMessage()))))) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    public static ProblemDetail problem() {
        return Problems.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database-unavailable",
                "Database unavailable",
                "the database cannot be reached just now; send the request again in " + RETRY_AFTER_SECONDS
                        + " seconds");
    }

    /** The answer of a controller or its advice. */
    public static <T> ResponseEntity<T> respond() {
        ResponseEntity<T> problem = Problems.respond(problem());
        return ResponseEntity.status(problem.getStatusCode())
                .headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(problem.getBody());
    }

    private static boolean isConnectionState(String sqlState) {
        if (sqlState == null) {
            return false;
        }
        String state = sqlState.toUpperCase(Locale.ROOT);
        return state.startsWith("08") || state.startsWith("57P0");
    }
}
