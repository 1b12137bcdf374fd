package dev.practicetracker.security;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.practicetracker.security.Problems.FieldError;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own refusals (a wrong method, media type or Accept header, an unknown path, a body that cannot be read)
 * for every controller of both services, and for requests no controller matched: one advice, ordered last, so that
 * the one-process app has exactly one and a service's own advice goes first. A service's advice that also catches
 * everything else extends this class, so these refusals read the same there.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class FrameworkProblems extends ResponseEntityExceptionHandler {

    /**
     * A body that is not JSON, or misses a field's type, names the field: a value of the wrong JSON type (text for a
     * number, a fraction for a whole number, a number for text) is 422 {@code /problems/wrong-type}, anything else 400.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            FieldError error = new FieldError(field(mapping), message(mapping));
            return Problems.respond(
                    isWrongType(mapping)
                            ? Problems.wrongType(List.of(error))
                            : Problems.invalidRequest(List.of(error)));
        }
        return Problems.respond(Problems.invalidRequest(
                List.of(new FieldError("body", "the request body is missing or is not valid JSON"))));
    }

    /** Spring's own refusals follow the same type convention as ours. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return Problems.conventional(body, headers, status);
    }

    /** The JSON value has another type than the field's; a value of the right type that breaks a rule is not this. */
    private static boolean isWrongType(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException || mapping instanceof ValueInstantiationException) {
            return false;
        }
        if (mapping instanceof InvalidFormatException format) {
            return format.getCause() == null;
        }
        return mapping instanceof MismatchedInputException;
    }

    private static String field(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String message(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (mapping instanceof InvalidFormatException format) {
            return format.getCause() != null
                    ? String.valueOf(format.getCause().getMessage())
                    : "expected " + simpleType(format.getTargetType()) + ", got " + format.getValue();
        }
        if (mapping.getCause() instanceof IllegalArgumentException illegal) {
            return String.valueOf(illegal.getMessage());
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            return "expected " + simpleType(mismatch.getTargetType());
        }
        return "has a value that cannot be read";
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
}
