package dev.practicetracker.command.account;

import dev.practicetracker.events.PersonId;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Current passwords named by password changes of one's own, throttled like logins (per account and per client address,
 * with the login limits) but counted apart from them: a stolen token must not be a way to guess the password without
 * end, and the guesses must not lock its owner out of logging in.
 */
class PasswordGuesses {

    private static final Logger log = LoggerFactory.getLogger(PasswordGuesses.class);

    private final LoginThrottle throttle;

    PasswordGuesses(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    Optional<Duration> blocked(PersonId account, String client) {
        Optional<Duration> wait = throttle.blocked(account.value(), client);
        wait.ifPresent(ignored -> log.info(
                "Password change refused without checking for account {} from {}: too many wrong current passwords",
                account.value(),
                client));
        return wait;
    }

    void wrong(PersonId account, String client) {
        boolean lockedOut = throttle.failed(account.value(), client);
        log.info("Wrong current password for account {} from {}", account.value(), client);
        if (lockedOut) {
            log.warn(
                    "Password changes for account {} or from {} are now refused for a while after repeated wrong"
                            + " current passwords",
                    account.value(),
                    client);
        }
    }

    void succeeded(PersonId account) {
        throttle.succeeded(account.value());
    }
}
