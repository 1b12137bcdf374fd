package dev.practicetracker.query.question;

import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.Theme;
import java.time.Instant;

/**
 * A question of the bank as it reads now, with {@code strongAnswer}, the guidance raters score against. A retired
 * question is kept, inactive, since past sessions asked it.
 */
record QuestionView(
        String questionId,
        Theme theme,
        Difficulty difficulty,
        String prompt,
        String strongAnswer,
        String source,
        boolean active,
        Instant addedAt,
        Instant revisedAt,
        Instant retiredAt) {}
