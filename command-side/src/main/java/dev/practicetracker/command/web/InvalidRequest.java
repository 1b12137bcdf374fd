package dev.practicetracker.command.web;

import dev.practicetracker.security.Problems;
import java.util.List;

/** A request whose fields are wrong in a way only the controller can tell (for example an unknown map key). */
public class InvalidRequest extends RuntimeException {

    private final List<Problems.FieldError> errors;

    public InvalidRequest(String field, String message) {
        super(field + " " + message);
        this.errors = List.of(new Problems.FieldError(field, message));
    }

    List<Problems.FieldError> errors() {
        return errors;
    }
}
