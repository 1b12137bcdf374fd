package dev.practicetracker.command;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells Axon which failed appends are a second write to the same (aggregate, sequence). Axon's default for JDBC only
 * recognises {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws: it reports a
 * unique violation as SQLState {@code 23505}. Without this, creating something twice or two concurrent changes to one
 * aggregate surface as a plain {@code EventStoreException} (HTTP 500) instead of
 * {@code AggregateStreamCreationException} or {@code ConcurrencyException} (HTTP 409).
 */
@Configuration(proxyBeanMethods = false)
class DuplicateEventDetection {

    static final String UNIQUE_VIOLATION = "23505";

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return DuplicateEventDetection::isUniqueViolation;
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
