package dev.practicetracker.command;

/**
 * The acting account may not do this (HTTP 403): a body names someone other than the caller, or a role acts outside
 * what it may. Nothing is written when one is thrown.
 */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
