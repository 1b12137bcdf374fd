package dev.practicetracker.events.account;

import dev.practicetracker.events.PersonId;

/**
 * An event about one account. Readers that keep per-account state (who may act, in which role) process an account's
 * events in order by sequencing on this id.
 */
public interface AccountEvent {

    PersonId accountId();
}
