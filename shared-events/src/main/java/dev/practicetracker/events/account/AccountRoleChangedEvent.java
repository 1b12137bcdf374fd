package dev.practicetracker.events.account;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An admin changed what an account may do; tokens issued for the previous role stop working. */
@Revision("1")
public record AccountRoleChangedEvent(
        PersonId accountId, Role previousRole, Role role, PersonId changedBy, Instant changedAt)
        implements AccountEvent {}
