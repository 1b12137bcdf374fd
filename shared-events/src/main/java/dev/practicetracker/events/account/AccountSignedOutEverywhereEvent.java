package dev.practicetracker.events.account;

import dev.practicetracker.events.PersonId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Every token the account was issued before this event is refused from now on, on every device: by its owner ("log
 * out everywhere", after a lost phone) or by an admin.
 */
@Revision("1")
public record AccountSignedOutEverywhereEvent(PersonId accountId, PersonId signedOutBy, Instant signedOutAt)
        implements AccountEvent {}
