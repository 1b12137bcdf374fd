package dev.practicetracker.command.account;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.security.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeRoleCommand(@TargetAggregateIdentifier PersonId accountId, Role role, Actor actor) {}
