package dev.practicetracker.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;

/**
 * The one way both services answer an error: an RFC 9457 problem detail whose {@code type} is
 * {@code /problems/<code>}, a stable kebab-case code a client can branch on (for a broken domain rule, the rule's
 * code), with a short title and a detail in words. The controllers' advice, the login and the security filter chain
 * all build their answers here, so a client reads every refusal the same way.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "/problems/";
    private static final URI ABOUT_BLANK = URI.create("about:blank");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    public static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create(TYPE_PREFIX + code));
        return problem;
    }

    /**
     * The answer to a refusal Spring built itself (405, 406, 415, ...): its problem, typed {@code about:blank} by
     * Spring, gets the code of its status ({@code /problems/unsupported-media-type}) and the problem media type.
     */
    public static ResponseEntity<Object> conventional(Object body, HttpHeaders headers, HttpStatusCode status) {
        HttpHeaders answered = new HttpHeaders();
        answered.addAll(headers);
        if (body instanceof ProblemDetail problem) {
            HttpStatus known = HttpStatus.resolve(problem.getStatus());
            if (ABOUT_BLANK.equals(problem.getType()) && known != null) {
                problem.setType(URI.create(
                        TYPE_PREFIX + known.name().toLowerCase(Locale.ROOT).replace('_', '-')));
            }
            answered.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return new ResponseEntity<>(body, answered, status);
    }

    /** A request that cannot be read as sent: 400, naming each field (or parameter) and what is wrong with it. */
    public static ProblemDetail invalidRequest(List<FieldError> errors) {
        String detail = errors.stream()
                .map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * A body whose field holds a JSON value of another type than the field's (text for a number, a fraction for a whole
     * number, a number for text): 422, naming each field. Nothing is guessed: {@code "4"} is not 4, {@code 3.5} is not 3.
     */
    public static ProblemDetail wrongType(List<FieldError> errors) {
        ProblemDetail problem = invalidRequest(errors);
        problem.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        problem.setType(URI.create(TYPE_PREFIX + "wrong-type"));
        problem.setTitle("Wrong type");
        return problem;
    }

    /**
     * An error known only by its status (from the servlet container, before or after Spring MVC): typed by the status's
     * code, with a detail in words that never carries the failure's own message.
     */
    static ProblemDetail forStatus(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST ->
                problem(
                        status,
                        "bad-request",
                        "Bad request",
                        "the request cannot be read as sent (its address or headers)");
            case NOT_FOUND -> problem(status, "not-found", "Not found", "there is nothing at this address");
            case INTERNAL_SERVER_ERROR ->
                problem(status, "internal", "Request failed", "the request could not be handled");
            default ->
                problem(
                        status,
                        status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        status.getReasonPhrase(),
                        status.getReasonPhrase());
        };
    }

    /** The answer of a controller or its advice, typed as {@code T} for handlers whose signature Spring fixes. */
    public static <T> ResponseEntity<T> respond(ProblemDetail problem) {
        @SuppressWarnings("unchecked")
        T body = (T) problem;
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    /**
     * The answer of a servlet filter, which runs before Spring MVC's message converters: the same fields in the same
     * order as those converters write, with the request's path as {@code instance} as they would set it.
     */
    static void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Map<String, Object> body = fields(problem, failed instanceof String uri ? uri : request.getRequestURI());
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** The problem as JSON text, for a writer outside Spring (the servlet container's error report). */
    static String json(ProblemDetail problem) {
        try {
            return JSON.writeValueAsString(fields(problem, null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> fields(ProblemDetail problem, @Nullable String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (instance != null) {
            body.put("instance", instance);
        }
        return body;
    }

    /** One field of a request, or one query parameter, and what is wrong with it. */
    public record FieldError(String field, String message) {}
}
