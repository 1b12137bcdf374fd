package dev.practicetracker.command.account;

import dev.practicetracker.security.Actor;
import java.time.Duration;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets how long withdrawn accounts' persons are kept before they are erased; a {@code null} period means never. */
public record SetRetentionPolicyCommand(
        @TargetAggregateIdentifier String policyId, Duration withdrawnErasedAfter, Actor actor) {}
