package dev.practicetracker.events.account;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An admin locked an account: it cannot log in, and tokens issued earlier stop working, until it is unlocked. */
@Revision("1")
public record AccountLockedEvent(
        PersonId accountId,
        @PersonalData(owner = "accountId") String reason,
        PersonId lockedBy,
        Instant lockedAt) implements AccountEvent {}
