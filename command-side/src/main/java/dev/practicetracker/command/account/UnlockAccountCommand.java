package dev.practicetracker.command.account;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.security.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnlockAccountCommand(
        @TargetAggregateIdentifier PersonId accountId, Actor actor) {}
