package dev.practicetracker.command.session;

import dev.practicetracker.events.SessionId;
import dev.practicetracker.security.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteSessionCommand(
        @TargetAggregateIdentifier SessionId sessionId, Actor actor) {}
