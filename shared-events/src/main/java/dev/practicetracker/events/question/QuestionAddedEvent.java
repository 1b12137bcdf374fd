package dev.practicetracker.events.question;

import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.Theme;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A question joined the bank. {@code strongAnswer} is the guidance raters score against: what a strong answer
 * shows. {@code source} names where the question comes from (for the catalogue, the hiring manager's tip).
 */
@Revision("1")
public record QuestionAddedEvent(
        QuestionId questionId,
        Theme theme,
        Difficulty difficulty,
        String prompt,
        String strongAnswer,
        String source,
        Instant addedAt) {}
