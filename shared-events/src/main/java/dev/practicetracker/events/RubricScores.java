package dev.practicetracker.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumMap;
import java.util.Map;

/** One score from 1 to 5 for every rubric criterion. */
public record RubricScores(
        int clarity,
        int reasoning,
        @JsonProperty("technicalDepth") int technicalDepth,
        int structure,
        int impact) {

    public static final int MIN = 1;
    public static final int MAX = 5;

    public RubricScores {
        check(Criterion.CLARITY, clarity);
        check(Criterion.REASONING, reasoning);
        check(Criterion.TECHNICAL_DEPTH, technicalDepth);
        check(Criterion.STRUCTURE, structure);
        check(Criterion.IMPACT, impact);
    }

    /** Builds the scores from a map that must name every criterion once; the one place scores are checked. */
    public static RubricScores of(Map<Criterion, Integer> scores) {
        return new RubricScores(
                required(scores, Criterion.CLARITY),
                required(scores, Criterion.REASONING),
                required(scores, Criterion.TECHNICAL_DEPTH),
                required(scores, Criterion.STRUCTURE),
                required(scores, Criterion.IMPACT));
    }

    private static int required(Map<Criterion, Integer> scores, Criterion criterion) {
        Integer score = scores.get(criterion);
        if (score == null) {
            throw new InvalidScore(criterion, "is missing", "a score for '" + criterion.id() + "' is missing");
        }
        return score;
    }

    public int of(Criterion criterion) {
        return switch (criterion) {
            case CLARITY -> clarity;
            case REASONING -> reasoning;
            case TECHNICAL_DEPTH -> technicalDepth;
            case STRUCTURE -> structure;
            case IMPACT -> impact;
        };
    }

    public Map<Criterion, Integer> asMap() {
        Map<Criterion, Integer> map = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            map.put(criterion, of(criterion));
        }
        return map;
    }

    /** The unweighted mean of the five criteria, on the same 1 to 5 scale. */
    @JsonIgnore
    public double mean() {
        return (clarity + reasoning + technicalDepth + structure + impact) / 5.0;
    }

    private static void check(Criterion criterion, int score) {
        if (score < MIN || score > MAX) {
            throw new InvalidScore(
                    criterion,
                    "must be from " + MIN + " to " + MAX,
                    "score for '" + criterion.id() + "' must be from " + MIN + " to " + MAX + ", was " + score);
        }
    }

    /** A score that is missing or out of range, naming its criterion so that a client can be told which. */
    public static final class InvalidScore extends IllegalArgumentException {

        private final transient Criterion criterion;
        private final String reason;

        InvalidScore(Criterion criterion, String reason, String message) {
            super(message);
            this.criterion = criterion;
            this.reason = reason;
        }

        public Criterion criterion() {
            return criterion;
        }

        /** What is wrong, in words that follow the criterion's name. */
        public String reason() {
            return reason;
        }
    }
}
