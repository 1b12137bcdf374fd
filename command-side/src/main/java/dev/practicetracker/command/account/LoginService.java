package dev.practicetracker.command.account;

import dev.practicetracker.security.Tokens;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The login use case: a username and a password from a client address become a token, a refusal, or a wait. A wrong
 * username and a wrong password are refused alike, after the same work (a bcrypt comparison), so the outcome does not
 * tell which names exist; nor does a locked or withdrawn account.
 */
@Service
class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final AccountRegistry accounts;
    private final JdbcCredentials credentials;
    private final Tokens tokens;
    private final LoginThrottle throttle;
    private final UsernameFingerprint fingerprint;

    LoginService(AccountRegistry accounts, JdbcCredentials credentials, Tokens tokens, LoginThrottle throttle) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.tokens = tokens;
        this.throttle = throttle;
        this.fingerprint = new UsernameFingerprint(tokens.properties().secret());
    }

    sealed interface Outcome permits LoggedIn, Refused, Throttled {}

    record LoggedIn(AccountRegistry.Entry account, Tokens.IssuedToken token) implements Outcome {}

    record Refused() implements Outcome {}

    /** Refused without checking the password, because the name or the address has used up its attempts. */
    record Throttled(Duration retryAfter) implements Outcome {}

    Outcome logIn(String givenUsername, String password, String client) {
        String username = givenUsername == null ? "" : givenUsername.strip().toLowerCase(Locale.ROOT);
        String who = fingerprint.of(username);
        Optional<Duration> wait = throttle.blocked(username, client);
        if (wait.isPresent()) {
            log.info("Login refused without checking for user#{} from {}: too many failures", who, client);
            return new Throttled(wait.get());
        }
        Optional<AccountRegistry.Entry> account = accounts.findByUsername(username);
        boolean passwordMatches =
                credentials.verify(account.map(AccountRegistry.Entry::accountId), Password.of(password));
        if (account.isEmpty() || !passwordMatches || !account.get().active()) {
            boolean lockedOut = throttle.failed(username, client);
            log.info("Login failed for user#{} from {}", who, client);
            if (lockedOut) {
                log.warn(
                        "Logins for user#{} or from {} are now refused for a while after repeated failures",
                        who,
                        client);
            }
            return new Refused();
        }
        throttle.succeeded(username);
        AccountRegistry.Entry entry = account.get();
        return new LoggedIn(
                entry, tokens.issue(entry.accountId(), entry.role(), entry.username(), entry.credentialsVersion()));
    }
}
