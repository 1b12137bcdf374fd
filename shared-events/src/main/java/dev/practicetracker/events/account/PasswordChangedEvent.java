package dev.practicetracker.events.account;

import dev.practicetracker.events.PersonId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An account's password was set again, by its owner or by an admin; the hash itself is not part of the event. */
@Revision("1")
public record PasswordChangedEvent(PersonId accountId, PersonId changedBy, Instant changedAt) implements AccountEvent {}
