package dev.practicetracker.events.account;

import dev.practicetracker.events.PersonId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A withdrawn person was erased: their key was deleted with this event, so every personal field of every event about
 * them (names, answers, comments, reasons) reads as a placeholder from now on, in every replay. The events themselves
 * stay. {@code reason} says why (a request, a retention period) and is the product's words, not the person's; it is
 * the one record kept of the erasure, with who made it ({@code erasedBy}) and when.
 */
@Revision("1")
public record PersonErasedEvent(PersonId accountId, String reason, PersonId erasedBy, Instant erasedAt)
        implements AccountEvent {}
