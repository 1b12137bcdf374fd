package dev.practicetracker.command.account;

import dev.practicetracker.events.Ids;
import dev.practicetracker.events.PersonId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin, opened on a fresh install ({@code TRACKER_ADMIN_USERNAME}, {@code TRACKER_ADMIN_PASSWORD}). Left
 * empty, both have the README's laptop defaults, which the {@code production} profile refuses.
 *
 * @param username the admin's login name, compared in lower case
 * @param password the admin's first password
 */
@ConfigurationProperties("tracker.security.admin")
public record AdminProperties(String username, String password) {

    static final String DEFAULT_USERNAME = "admin";
    static final String DEFAULT_PASSWORD = "local-admin-password";

    public AdminProperties {
        username = username == null || username.isBlank()
                ? DEFAULT_USERNAME
                : username.strip().toLowerCase(Locale.ROOT);
        password = password == null || password.isBlank() ? DEFAULT_PASSWORD : password;
    }

    /** Derived from the username, so every node and every restart names the same account. */
    public PersonId accountId() {
        return PersonId.of(Ids.derive("account", username));
    }

    public boolean usesDefaultPassword() {
        return DEFAULT_PASSWORD.equals(password);
    }
}
