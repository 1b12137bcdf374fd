package dev.practicetracker.events.question;

import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.Theme;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A question is no longer drawn for new sessions. {@code reason} may be null. */
@Revision("1")
public record QuestionRetiredEvent(QuestionId questionId, Theme theme, String reason, Instant retiredAt) {}
