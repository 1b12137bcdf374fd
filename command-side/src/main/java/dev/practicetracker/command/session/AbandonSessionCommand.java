package dev.practicetracker.command.session;

import dev.practicetracker.events.SessionId;
import dev.practicetracker.security.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a session up; {@code reason} may be null. */
public record AbandonSessionCommand(
        @TargetAggregateIdentifier SessionId sessionId, String reason, Actor actor) {}
