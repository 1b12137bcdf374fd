package dev.practicetracker.command.account;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.security.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cut off every token the account holds now: its owner's own choice, or an admin's. */
public record SignOutEverywhereCommand(
        @TargetAggregateIdentifier PersonId accountId, Actor actor) {}
