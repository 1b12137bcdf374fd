package dev.practicetracker.command;

/** Rules for free text that people type: it must be storable and displayable as it was written. */
public final class Texts {

    /** Why an admin or a candidate did something, kept with the event: a sentence or a paragraph, not a document. */
    public static final int MAX_REASON_LENGTH = 1000;

    private Texts() {}

    /** The one rule for every reason given with a command: at most {@link #MAX_REASON_LENGTH} storable characters. */
    public static void requireReason(String reason) {
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new RuleViolation("reason-too-long", "a reason has at most " + MAX_REASON_LENGTH + " characters");
        }
        requireStorable("reason", reason);
    }

    /**
     * Rejects control characters other than tab, line feed and carriage return. A NUL in particular cannot be stored
     * in PostgreSQL text, so an event carrying one would be refused by every read model built from it.
     */
    public static void requireStorable(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new RuleViolation(
                        "unprintable-text",
                        field + " contains a control character (U+" + String.format("%04X", (int) c) + ") at position "
                                + i);
            }
        }
    }
}
