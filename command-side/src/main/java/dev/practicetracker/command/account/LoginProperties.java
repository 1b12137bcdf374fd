package dev.practicetracker.command.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many failed logins are allowed before further attempts are refused with 429 until the window has passed: per
 * username ({@code TRACKER_LOGIN_MAX_FAILURES_PER_USERNAME}, 5), per client address
 * ({@code TRACKER_LOGIN_MAX_FAILURES_PER_CLIENT}, 20), within {@code TRACKER_LOGIN_WINDOW} (15 minutes). Counted in
 * PostgreSQL, across every command node.
 */
@ConfigurationProperties("tracker.security.login")
record LoginProperties(int maxFailuresPerUsername, int maxFailuresPerClient, Duration window) {

    LoginProperties {
        maxFailuresPerUsername = maxFailuresPerUsername <= 0 ? 5 : maxFailuresPerUsername;
        maxFailuresPerClient = maxFailuresPerClient <= 0 ? 20 : maxFailuresPerClient;
        window = window == null || window.isNegative() || window.isZero() ? Duration.ofMinutes(15) : window;
    }
}
