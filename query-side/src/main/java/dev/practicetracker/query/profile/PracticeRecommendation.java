package dev.practicetracker.query.profile;

import dev.practicetracker.events.Theme;
import java.time.Instant;
import java.util.Objects;

/**
 * Where one theme stands in a candidate's practice plan.
 *
 * @param theme the theme
 * @param dueAt when the theme is next due for practice (the current instant for a theme never practised)
 * @param priority how urgently to practise it, 0 to 1, higher first; see {@link PracticeScheduler}
 * @param reason one plain English sentence explaining the ranking, with numbers, units and ISO dates (UTC)
 */
public record PracticeRecommendation(Theme theme, Instant dueAt, double priority, String reason) {

    public PracticeRecommendation {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(reason, "reason");
    }
}
