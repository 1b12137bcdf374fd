package dev.practicetracker.query.web;

import dev.practicetracker.security.Problems;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every failed query answers {@code application/problem+json} (built by {@link Problems}) naming the parameter or the
 * missing thing. A feature's own refusals are answered by its controller, so this shared package knows no feature.
 */
@RestControllerAdvice(basePackages = "dev.practicetracker.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(BadRequest.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequest e) {
        return invalid(e.parameter(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Throwable cause = e.getMostSpecificCause();
        String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                ? cause.getMessage()
                : "cannot be read as "
                        + (e.getRequiredType() == null
                                ? "given"
                                : e.getRequiredType().getSimpleName());
        return invalid(e.getName(), message);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return invalid(e.getParameterName(), "is required");
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> validation(HandlerMethodValidationException e) {
        var first = e.getParameterValidationResults().get(0);
        String name = first.getMethodParameter().getParameterName();
        String message = first.getResolvableErrors().get(0).getDefaultMessage();
        return invalid(name, message);
    }

    private static ResponseEntity<ProblemDetail> invalid(String parameter, String message) {
        return Problems.respond(Problems.invalidRequest(List.of(new Problems.FieldError(parameter, message))));
    }
}
