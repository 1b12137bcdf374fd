package dev.practicetracker.events.account;

import dev.practicetracker.events.PersonId;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An admin set how long the person of a withdrawn account is kept: {@code withdrawnErasedAfter} after the withdrawal
 * they are erased automatically ({@link PersonErasedEvent}, with {@code setBy} as the one who asked). A {@code null}
 * period means never: a person is then erased only when an admin erases them.
 */
@Revision("1")
public record RetentionPolicySetEvent(Duration withdrawnErasedAfter, PersonId setBy, Instant setAt) {

    /** The one stream the policy lives in: no id a client may choose starts with '~'. */
    public static final String POLICY_ID = "~retention-policy";
}
