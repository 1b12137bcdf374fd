package dev.practicetracker.query.profile;

import dev.practicetracker.events.Theme;
import java.util.List;
import java.util.Objects;

/**
 * A candidate's practice in one theme: the answers given and the current skill estimate.
 *
 * @param theme the theme
 * @param attempts the answers given, in any order; empty when never practised
 * @param estimate the theme's skill estimate; {@code null} is read as "no rating at all"
 */
public record ThemeHistory(Theme theme, List<PracticeAttempt> attempts, SkillEstimate estimate) {

    public ThemeHistory {
        Objects.requireNonNull(theme, "theme");
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        estimate = estimate == null ? SkillEstimate.none(SkillEstimator.DEFAULT_TREND_WINDOW) : estimate;
    }

    /** A theme never practised and never rated. */
    public static ThemeHistory untouched(Theme theme) {
        return new ThemeHistory(theme, List.of(), null);
    }
}
