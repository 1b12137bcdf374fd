package dev.practicetracker.events.question;

import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.Theme;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A question's wording, guidance or difficulty changed; its theme stays. Sessions already started keep theirs. */
@Revision("1")
public record QuestionRevisedEvent(
        QuestionId questionId,
        Theme theme,
        Difficulty difficulty,
        String prompt,
        String strongAnswer,
        Instant revisedAt) {}
