package dev.practicetracker.command;

/**
 * A rule broken by the state of what the command would change, not by its input (HTTP 409): the same command can
 * succeed once the state changes, for example erasing an account after it was withdrawn. Nothing is written.
 */
public class StateConflict extends RuleViolation {

    public StateConflict(String rule, String message) {
        super(rule, message);
    }
}
