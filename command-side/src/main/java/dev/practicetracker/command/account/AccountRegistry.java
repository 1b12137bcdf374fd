package dev.practicetracker.command.account;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import java.util.Optional;

/** The accounts the write side knows, for rules that span accounts (unique usernames, active coaches). */
public interface AccountRegistry {

    Optional<Entry> lookup(PersonId accountId);

    Optional<Entry> findByUsername(String username);

    default boolean isActive(PersonId accountId, Role role) {
        return lookup(accountId).filter(e -> e.active() && e.role() == role).isPresent();
    }

    enum Status {
        ACTIVE,
        LOCKED,
        WITHDRAWN
    }

    /**
     * One account as the lookup table holds it; {@code credentialsVersion} is the sequence number of its last event that
     * cut off earlier tokens, which a token issued now carries.
     */
    record Entry(
            PersonId accountId,
            String username,
            String displayName,
            Role role,
            Status status,
            long credentialsVersion) {

        public boolean active() {
            return status == Status.ACTIVE;
        }
    }
}
