package dev.practicetracker.command.account;

import dev.practicetracker.command.RuleViolation;
import java.nio.charset.StandardCharsets;

/**
 * A password as typed, on its way to the hash. Its {@code toString} hides it, so a logged command never shows it.
 * Bcrypt reads at most 72 bytes: a longer password would be silently cut, so it is refused instead.
 */
public record Password(String value) {

    public static final int MIN_CHARACTERS = 12;
    public static final int MAX_BYTES = 72;

    public static Password of(String value) {
        return new Password(value);
    }

    /** Throws a {@link RuleViolation} unless this password may be set. */
    public void requireAcceptable() {
        if (value == null || value.codePointCount(0, value.length()) < MIN_CHARACTERS) {
            throw new RuleViolation("password-too-short", "a password has at least " + MIN_CHARACTERS + " characters");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new RuleViolation(
                    "password-too-long", "a password has at most " + MAX_BYTES + " bytes in UTF-8 (bcrypt's limit)");
        }
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}
