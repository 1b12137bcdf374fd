package dev.practicetracker.command.account;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.security.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin sets any password; an account sets its own with {@code currentPassword}, which is null otherwise. */
public record SetPasswordCommand(
        @TargetAggregateIdentifier PersonId accountId, Password password, Password currentPassword, Actor actor) {}
