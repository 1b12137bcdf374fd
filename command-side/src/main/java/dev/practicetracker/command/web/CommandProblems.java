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
import java.util.List;
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
        return unexpected(e);
    }

    /**
     * Anything unforeseen: logged with its stack trace for the operator, answered without internals. A database that
     * cannot be reached is foreseen: 503 with {@code Retry-After}, logged once per outage by the database monitor.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.causeOf(e).isPresent()) {
            return DatabaseUnavailable.respond();
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
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return Problems.respond(Problems.invalidRequest(errors));
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
