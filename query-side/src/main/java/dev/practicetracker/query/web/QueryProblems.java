package dev.practicetracker.query.web;

import dev.practicetracker.query.admin.ReadModelRebuild;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every failed query answers {@code application/problem+json} naming the parameter or the missing thing. */
@RestControllerAdvice(basePackages = "dev.practicetracker.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        return respond(problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), "not-found"));
    }

    @ExceptionHandler(ReadModelRebuild.RebuildRefused.class)
    ResponseEntity<ProblemDetail> rebuildRefused(ReadModelRebuild.RebuildRefused e) {
        return respond(problem(HttpStatus.CONFLICT, "Rebuild refused", e.getMessage(), "rebuild-refused"));
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
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, "Invalid request", parameter + " " + message, "invalid-request");
        problem.setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
        return respond(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("/problems/" + type));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
