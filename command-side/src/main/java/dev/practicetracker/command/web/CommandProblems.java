package dev.practicetracker.command.web;

import dev.practicetracker.command.Duplicate;
import dev.practicetracker.command.Forbidden;
import dev.practicetracker.command.Hidden;
import dev.practicetracker.command.RuleViolation;
import dev.practicetracker.command.StateConflict;
import dev.practicetracker.security.DatabaseUnavailable;
import dev.practicetracker.security.FrameworkProblems;
import dev.practicetracker.security.Problems;
import dev.practicetracker.security.Problems.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every rejected command answers {@code application/problem+json} (built by {@link Problems}) naming the field or the
 * rule that failed. A rejection happens before any event is applied, so nothing is written. Spring MVC's own refusals
 * (an unreadable body, a wrong method, ...) are {@link FrameworkProblems}', inherited so that this advice's catch-all
 * does not take them.
 */
@RestControllerAdvice(basePackages = "dev.practicetracker.command")
class CommandProblems extends FrameworkProblems {

    private static final Logger log = LoggerFactory.getLogger(CommandProblems.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolation e) {
        log.info("Command rejected: rule {}", e.rule());
        ProblemDetail problem = e instanceof StateConflict
                ? Problems.problem(HttpStatus.CONFLICT, e.rule(), "Conflict", e.getMessage())
                : Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, e.rule(), "A rule was broken", e.getMessage());
        problem.setProperty("rule", e.rule());
        return Problems.respond(problem);
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<ProblemDetail> forbidden(Forbidden e) {
        log.info("Command refused: {}", e.getMessage());
        return Problems.respond(Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
    }

    @ExceptionHandler(Hidden.class)
    ResponseEntity<ProblemDetail> hidden(Hidden e, HttpServletRequest request) {
        return notFound(Addressed.by(request).kind(), e.id());
    }

    @ExceptionHandler(Duplicate.class)
    ResponseEntity<ProblemDetail> duplicate(Duplicate e) {
        return Problems.respond(Problems.problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage()));
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReused e) {
        log.info("Command refused: its Idempotency-Key was used for another request");
        return Problems.respond(Problems.problem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "idempotency-key-reused",
                "Idempotency key reused",
                "this Idempotency-Key was sent with another request (another body or address); draw a new key for"
                        + " each change"));
    }

    @ExceptionHandler(IdempotencyKeyInFlight.class)
    ResponseEntity<ProblemDetail> keyInFlight(IdempotencyKeyInFlight e) {
        ProblemDetail problem = Problems.problem(
                HttpStatus.CONFLICT,
                "idempotency-key-in-flight",
                "Request in progress",
                "a request with this Idempotency-Key is still being handled; send it again after a moment to get its"
                        + " answer");
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(IdempotentCommands.IN_FLIGHT_RETRY_AFTER_SECONDS))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequest e) {
        return Problems.respond(Problems.invalidRequest(e.errors()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e, HttpServletRequest request) {
        return notFound(Addressed.by(request).kind(), String.valueOf(e.getAggregateIdentifier()));
    }

    /**
     * Sessions, cohorts and questions share one space of ids, and the event store loads a stream by id whatever kind
     * it belongs to: a session command sent to a cohort's id finds events it does not know. That is an unknown session.
     */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> otherKind(IncompatibleAggregateException e, HttpServletRequest request) {
        Addressed addressed = Addressed.by(request);
        return notFound(addressed.kind(), addressed.id());
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException e) {
        String detail = e instanceof AggregateStreamCreationException
                ? "something with this id already exists; choose another id or leave it out to have one generated"
                : "another change to the same thing was made at the same moment; retry the command";
        return Problems.respond(Problems.problem(HttpStatus.CONFLICT, "conflict", "Conflict", detail));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badPathOrParameter(MethodArgumentTypeMismatchException e) {
        Throwable cause = rootCause(e);
        return Problems.respond(Problems.invalidRequest(List.of(new FieldError(e.getName(), cause.getMessage()))));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> wrapped(CommandExecutionException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof Forbidden forbidden) {
            return forbidden(forbidden);
        }
        if (cause instanceof Hidden hidden) {
            return hidden(hidden, request);
        }
        if (cause instanceof RuleViolation rule) {
            return ruleViolated(rule);
        }
        if (cause instanceof AggregateNotFoundException missing) {
            return notFound(missing, request);
        }
        if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return conflict((RuntimeException) cause);
        }
        if (cause instanceof IncompatibleAggregateException otherKind) {
            return otherKind(otherKind, request);
        }
        if (cause instanceof IdempotencyKeyReused reused) {
            return keyReused(reused);
        }
        if (cause instanceof IdempotencyKeyInFlight inFlight) {
            return keyInFlight(inFlight);
        }
        return unexpected(e);
    }

    /**
     * Anything unforeseen: logged with its stack trace for the operator, answered without internals. A database that
     * cannot be reached is foreseen: 503 with {@code Retry-After}, logged once per outage by the database monitor. So
     * is one out of disk, memory or connections: 503, logged in one line with the server's reason.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.causeOf(e).isPresent()) {
            return DatabaseUnavailable.respond();
        }
        Optional<SQLException> exhausted = DatabaseUnavailable.outOfResourcesCauseOf(e);
        if (exhausted.isPresent()) {
            log.error(
                    "Command refused with 503, nothing stored: the database is {}",
                    DatabaseUnavailable.describeOutOfResources(exhausted.get()));
            return DatabaseUnavailable.respondOutOfResources();
        }
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof Duplicate duplicate) {
                return duplicate(duplicate);
            }
        }
        log.error("Command failed unexpectedly", e);
        return Problems.respond(Problems.problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Command failed", "the command could not be handled"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), message(error)))
                .toList();
        return Problems.respond(Problems.invalidRequest(errors));
    }

    /**
     * Bean Validation's own wording, except where a person would read it: "must not be null" says what a program got,
     * "is required" what the person left out.
     */
    private static String message(org.springframework.validation.FieldError error) {
        if ("NotNull".equals(error.getCode()) || "NotBlank".equals(error.getCode())) {
            return "is required";
        }
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    private static ResponseEntity<ProblemDetail> notFound(String kind, String id) {
        return Problems.respond(
                Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "there is no " + kind + " " + id));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
