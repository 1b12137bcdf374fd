package dev.practicetracker.security;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;

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

    /**
     * The server's refusal for want of resources behind {@code failure}: SQLState class {@code 53}, a full disk
     * ({@code 53100}), no memory ({@code 53200}) or no connection slot ({@code 53300}). Axon and Spring report it as a
     * failed append or a data access failure, with the server's reason at the bottom of the stack trace; an operator
     * needs that reason first.
     */
    public static Optional<SQLException> outOfResourcesCauseOf(Throwable failure) {
        SQLException deepest = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                // A batch's own exception repeats the statement with its values; the server's words are in the next.
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    if (isOutOfResources(each.getSQLState())) {
                        deepest = each;
                    }
                }
            }
        }
        return Optional.ofNullable(deepest);
    }

    /** One log line's worth: what ran out, the SQLState and the server's own words. */
    public static String describeOutOfResources(SQLException cause) {
        String state = String.valueOf(cause.getSQLState());
        String what = switch (state) {
            case "53100" -> "disk full";
            case "53200" -> "out of memory";
            case "53300" -> "too many connections";
            default -> "out of resources";
        };
        String message = cause.getMessage();
        return what + " (SQLState " + state + "): "
                + (message == null
                        ? ""
                        : message.lines().findFirst().orElse("").replaceFirst("^(ERROR|FATAL|PANIC): ", ""));
    }

    public static ProblemDetail outOfResourcesProblem() {
        return Problems.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database-out-of-resources",
                "Database out of resources",
                "the database cannot store or read anything just now (out of disk space, memory or connections);"
                        + " nothing of this request was stored, and the operator's log says why; send it again in "
                        + OUT_OF_RESOURCES_RETRY_AFTER_SECONDS + " seconds");
    }

    /** An operator has to act before such a request can succeed: clients wait longer than for a restart. */
    public static final int OUT_OF_RESOURCES_RETRY_AFTER_SECONDS = 30;

    /** The answer of a controller or its advice. */
    public static <T> ResponseEntity<T> respondOutOfResources() {
        ResponseEntity<T> problem = Problems.respond(outOfResourcesProblem());
        return ResponseEntity.status(problem.getStatusCode())
                .headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(OUT_OF_RESOURCES_RETRY_AFTER_SECONDS))
                .body(problem.getBody());
    }

    private static boolean isOutOfResources(@Nullable String sqlState) {
        return sqlState != null && sqlState.startsWith("53");
    }

    private static boolean isConnectionState(String sqlState) {
        if (sqlState == null) {
            return false;
        }
        String state = sqlState.toUpperCase(Locale.ROOT);
        return state.startsWith("08") || state.startsWith("57P0");
    }
}
