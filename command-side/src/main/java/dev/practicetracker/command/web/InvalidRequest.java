package dev.practicetracker.command.web;

import java.util.List;

/** A request whose fields are wrong in a way only the controller can tell (for example an unknown map key). */
public class InvalidRequest extends RuntimeException {

    private final List<CommandProblems.FieldError> errors;

    public InvalidRequest(String field, String message) {
        super(field + " " + message);
        this.errors = List.of(new CommandProblems.FieldError(field, message));
    }

    List<CommandProblems.FieldError> errors() {
        return errors;
    }
}
