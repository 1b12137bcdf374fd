package dev.practicetracker.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.practicetracker.command.RuleViolation;
import dev.practicetracker.events.account.RetentionPolicySetEvent;
import java.time.Duration;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * How long the person of a withdrawn account is kept before being erased automatically: one policy for the
 * programme, in a stream of its own ({@link RetentionPolicySetEvent#POLICY_ID}), so every change says who made it.
 */
@Aggregate
public class RetentionPolicy {

    /** Shorter would erase a person before anyone could notice a withdrawal made by mistake. */
    static final Duration SHORTEST = Duration.ofDays(1);

    static final Duration LONGEST = Duration.ofDays(3650);

    @AggregateIdentifier
    private String policyId;

    private Duration withdrawnErasedAfter;

    protected RetentionPolicy() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetRetentionPolicyCommand command) {
        Duration period = command.withdrawnErasedAfter();
        if (period != null && (period.compareTo(SHORTEST) < 0 || period.compareTo(LONGEST) > 0)) {
            throw new RuleViolation(
                    "retention-period",
                    "a retention period is from " + SHORTEST.toDays() + " day to " + LONGEST.toDays()
                            + " days (ISO-8601, for example P90D), or null to erase only by hand");
        }
        if (policyId != null && Objects.equals(period, withdrawnErasedAfter)) {
            throw new RuleViolation("no-change", "the retention period is that already");
        }
        apply(new RetentionPolicySetEvent(period, command.actor().accountId(), GenericEventMessage.clock.instant()));
    }

    @EventSourcingHandler
    void on(RetentionPolicySetEvent event) {
        policyId = RetentionPolicySetEvent.POLICY_ID;
        withdrawnErasedAfter = event.withdrawnErasedAfter();
    }
}
