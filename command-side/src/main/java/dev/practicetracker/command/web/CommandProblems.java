package dev.practicetracker.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.practicetracker.command.Duplicate;
import dev.practicetracker.command.Forbidden;
import dev.practicetracker.command.Hidden;
import dev.practicetracker.command.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every rejected command answers {@code application/problem+json} naming the field or the rule that failed. A
 * rejection happens before any event is applied, so nothing is written.
 */
@RestControllerAdvice(basePackages = "dev.practicetracker.command")
class CommandProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandProblems.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolation e) {
        log.info("Command rejected: rule {}", e.rule());
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "A rule was broken", e.getMessage(), e.rule());
        problem.setProperty("rule", e.rule());
        return respond(problem);
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<ProblemDetail> forbidden(Forbidden e) {
        log.info("Command refused: {}", e.getMessage());
        return respond(problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), "forbidden"));
    }

    @ExceptionHandler(Hidden.class)
    ResponseEntity<ProblemDetail> hidden(Hidden e, HttpServletRequest request) {
        return respond(problem(
                HttpStatus.NOT_FOUND,
                "Not found",
                "there is no " + kindOf(request.getRequestURI()) + " " + e.id(),
                "not-found"));
    }

    @ExceptionHandler(Duplicate.class)
    ResponseEntity<ProblemDetail> duplicate(Duplicate e) {
        return respond(problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), "conflict"));
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequest e) {
        return respond(invalidFields(e.errors()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e, HttpServletRequest request) {
        return respond(problem(
                HttpStatus.NOT_FOUND,
                "Not found",
                "there is no " + kindOf(request.getRequestURI()) + " " + e.getAggregateIdentifier(),
                "not-found"));
    }

    /**
     * Sessions, cohorts and questions share one space of ids, and the event store loads a stream by id whatever kind
     * it belongs to: a session command sent to a cohort's id finds events it does not know. That is an unknown session.
     */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> otherKind(IncompatibleAggregateException e, HttpServletRequest request) {
        String[] path = request.getRequestURI().split("/");
        String id = path.length > 3 ? path[3] : "";
        return respond(problem(
                HttpStatus.NOT_FOUND,
                "Not found",
                "there is no " + kindOf(request.getRequestURI()) + " " + id,
                "not-found"));
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> conflict(RuntimeException e) {
        String detail = e instanceof AggregateStreamCreationException
                ? "something with this id already exists; choose another id or leave it out to have one generated"
                : "another change to the same thing was made at the same moment; retry the command";
        return respond(problem(HttpStatus.CONFLICT, "Conflict", detail, "conflict"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badPathOrParameter(MethodArgumentTypeMismatchException e) {
        Throwable cause = rootCause(e);
        return respond(invalidFields(List.of(new FieldError(e.getName(), cause.getMessage()))));
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

    /** Anything unforeseen: logged with its stack trace for the operator, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof Duplicate duplicate) {
                return duplicate(duplicate);
            }
        }
        log.error("Command failed unexpectedly", e);
        return respond(problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "Command failed", "the command could not be handled", "internal"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldError error = describe(e.getCause());
        return ResponseEntity.badRequest()
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(invalidFields(List.of(error)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest()
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(invalidFields(errors));
    }

    private static FieldError describe(Throwable cause) {
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            String message;
            if (mapping instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (mapping instanceof InvalidFormatException format) {
                message = format.getCause() != null
                        ? format.getCause().getMessage()
                        : "expected " + simpleType(format.getTargetType()) + ", got " + format.getValue();
            } else if (mapping.getCause() instanceof IllegalArgumentException illegal) {
                message = illegal.getMessage();
            } else if (mapping instanceof MismatchedInputException mismatch) {
                message = "expected " + simpleType(mismatch.getTargetType());
            } else {
                message = "has a value that cannot be read";
            }
            return new FieldError(field, message);
        }
        return new FieldError("body", "the request body is missing or is not valid JSON");
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return type == String.class ? "a string" : "a " + type.getSimpleName();
    }

    private static ProblemDetail invalidFields(List<FieldError> errors) {
        String detail = errors.stream()
                .map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, "invalid-request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("/problems/" + type));
        return problem;
    }

    private static <T> ResponseEntity<T> respond(ProblemDetail problem) {
        @SuppressWarnings("unchecked")
        T body = (T) problem;
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static String kindOf(String path) {
        for (String kind : List.of("session", "cohort", "question", "account")) {
            if (path.startsWith("/api/" + kind + "s/")) {
                return kind;
            }
        }
        return "such thing as";
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** One field of a request and what is wrong with it. */
    record FieldError(String field, String message) {}
}
