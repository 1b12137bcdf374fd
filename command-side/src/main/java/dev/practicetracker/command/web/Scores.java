package dev.practicetracker.command.web;

import dev.practicetracker.events.Criterion;
import dev.practicetracker.events.RubricScores;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads rubric scores sent as {@code {"clarity": 4, "reasoning": 3, ...}}, naming any key or value that is wrong. Which
 * scores are valid is {@link RubricScores}' to say; this only maps the request's keys and names the field it refuses.
 */
public final class Scores {

    private Scores() {}

    public static RubricScores parse(Map<String, Integer> given) {
        if (given == null) {
            throw new InvalidRequest("scores", "is required: one score from 1 to 5 for each of " + Criterion.ids());
        }
        Map<Criterion, Integer> scores = new EnumMap<>(Criterion.class);
        for (Map.Entry<String, Integer> entry : given.entrySet()) {
            Criterion criterion;
            try {
                criterion = Criterion.fromId(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequest(
                        "scores." + entry.getKey(), "is not a rubric criterion; known: " + Criterion.ids());
            }
            scores.put(criterion, entry.getValue());
        }
        try {
            return RubricScores.of(scores);
        } catch (RubricScores.InvalidScore e) {
            throw new InvalidRequest("scores." + e.criterion().id(), e.reason());
        }
    }
}
