package dev.practicetracker.command.account;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.security.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open an account; {@code actor} is the admin, or null for the first admin created from the environment. */
public record CreateAccountCommand(
        @TargetAggregateIdentifier PersonId accountId,
        String username,
        String displayName,
        Role role,
        Password password,
        Actor actor) {}
