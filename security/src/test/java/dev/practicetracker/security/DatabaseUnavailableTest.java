package dev.practicetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures a client is told to retry (503) rather than shown as the service's own fault (500). */
class DatabaseUnavailableTest {

    @Test
    void aPoolThatCannotGetAConnectionIsAnOutageThroughAnyWrapper() {
        Exception wrapped = new IllegalStateException(
                "the command failed",
                new RuntimeException(new SQLTransientConnectionException("request timed out after 1000ms")));

        assertThat(DatabaseUnavailable.causeOf(wrapped)).containsInstanceOf(SQLTransientConnectionException.class);
    }

    @Test
    void aServerThatWentAwayUnderAnOpenConnectionIsAnOutage() {
        assertThat(DatabaseUnavailable.causeOf(new RuntimeException(new SQLException("I/O error", "08006"))))
                .isPresent();
        assertThat(DatabaseUnavailable.causeOf(new SQLException("terminating connection", "57P01")))
                .isPresent();
        assertThat(DatabaseUnavailable.causeOf(new SQLException("the database system is starting up", "57P03")))
                .isPresent();
        assertThat(DatabaseUnavailable.causeOf(new RuntimeException(new SQLException("Connection is closed"))))
                .isPresent();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseUnavailable.causeOf(new SQLException("duplicate key", "23505")))
                .isEmpty();
        assertThat(DatabaseUnavailable.causeOf(new SQLException("could not extend file: No space left", "53100")))
                .isEmpty();
        assertThat(DatabaseUnavailable.causeOf(new IllegalArgumentException("bad input")))
                .isEmpty();
    }

    @Test
    void theAnswerIsAProblemWithRetryAfter() {
        var answer = DatabaseUnavailable.respond();

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(String.valueOf(answer.getHeaders().getContentType())).isEqualTo("application/problem+json");
        assertThat(((org.springframework.http.ProblemDetail) answer.getBody()).getType())
                .hasToString("/problems/database-unavailable");
    }
}
