package dev.practicetracker.events.account;

import dev.practicetracker.events.PersonId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An admin gave a locked account its access back. */
@Revision("1")
public record AccountUnlockedEvent(PersonId accountId, PersonId unlockedBy, Instant unlockedAt)
        implements AccountEvent {}
