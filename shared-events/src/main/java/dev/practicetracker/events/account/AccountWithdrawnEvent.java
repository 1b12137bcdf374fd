package dev.practicetracker.events.account;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The person left the programme: the account loses access for good. Its history stays, so earlier ratings and
 * sessions still read as they were.
 */
@Revision("1")
public record AccountWithdrawnEvent(
        PersonId accountId,
        @PersonalData(owner = "accountId") String reason,
        PersonId withdrawnBy,
        Instant withdrawnAt) implements AccountEvent {}
