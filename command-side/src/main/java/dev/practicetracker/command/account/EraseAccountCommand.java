package dev.practicetracker.command.account;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.security.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erases the person of a withdrawn account; {@code reason} says why (required). */
public record EraseAccountCommand(@TargetAggregateIdentifier PersonId accountId, String reason, Actor actor) {}
