package dev.practicetracker.command.account;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.security.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code reason} may be null. */
public record LockAccountCommand(@TargetAggregateIdentifier PersonId accountId, String reason, Actor actor) {}
