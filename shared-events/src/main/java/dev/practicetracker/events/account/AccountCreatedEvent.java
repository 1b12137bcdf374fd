package dev.practicetracker.events.account;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.PersonalData;
import dev.practicetracker.events.Role;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An account was opened. The account id is also the person's id everywhere else: a candidate's sessions carry it as
 * candidate id, a coach's cohorts as coach id. {@code createdBy} is the admin who opened it, or the account itself for
 * the first admin created from the environment.
 */
@Revision("1")
public record AccountCreatedEvent(
        PersonId accountId,

        @PersonalData(owner = "accountId", kind = PersonalData.Kind.NAME)
        String username,

        @PersonalData(owner = "accountId", kind = PersonalData.Kind.NAME)
        String displayName,

        Role role,
        PersonId createdBy,
        Instant createdAt)
        implements AccountEvent {}
