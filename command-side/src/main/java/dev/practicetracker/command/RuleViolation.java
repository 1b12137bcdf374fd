package dev.practicetracker.command;

/**
 * A command broke a rule of the domain. {@code rule} is a stable, kebab-case code a client can branch on; the message
 * says what was wrong in words. Nothing is written when one is thrown.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
