package dev.practicetracker.security;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import java.util.Optional;

/**
 * A service's own record of accounts, built from the account events. A token is only as good as the account behind it:
 * each service asks its own directory on every request rather than trusting the token, or the other service.
 */
public interface AccountDirectory {

    Optional<Account> find(PersonId accountId);

    /**
     * What a service knows of an account: its current role, whether it may act at all, and its credentials version (the
     * sequence number of its last event that cut off earlier tokens; tokens issued at a lower version are refused).
     */
    record Account(PersonId accountId, Role role, boolean active, long credentialsVersion) {}
}
