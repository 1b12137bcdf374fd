package dev.practicetracker.command.account;

import dev.practicetracker.events.PersonId;

/**
 * Password hashes, kept apart from the events. Writes happen inside the command's transaction, so a hash is stored if
 * and only if the account's event is.
 */
public interface Credentials {

    void store(PersonId accountId, Password password);

    boolean matches(PersonId accountId, Password password);

    /** Deletes the hash, when the person is erased. */
    void remove(PersonId accountId);
}
