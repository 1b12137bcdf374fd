package dev.practicetracker.query.profile;

import dev.practicetracker.events.RaterRole;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A candidate's estimated level in one theme as it stood at one instant; see {@link SkillEstimator} for the method.
 *
 * @param level estimated level, 0 to 100 level points; {@code null} when no rating counted
 * @param uncertainty one standard deviation of the level, in level points (the prior 30 when nothing counted)
 * @param enoughEvidence whether the uncertainty is small enough (see {@link SkillEstimator#MAX_UNCERTAINTY_FOR_EVIDENCE_LEVEL_POINTS}) for
 *     the level to be shown as more than provisional
 * @param trend change of the headline level over {@code trendWindow}, in level points; {@code null} when no
 *     rating of the headline basis existed at the window start
 * @param trendWindow the length of the window the trend is measured over
 * @param basis which ratings the headline level rests on: {@link SkillEstimator#BASIS_COACH_AND_PEER},
 *     {@link SkillEstimator#BASIS_SELF_ONLY} or {@link SkillEstimator#BASIS_NONE}
 * @param ratingsCounted how many ratings the headline level rests on
 * @param lastRatedAt the latest rating the headline level rests on; {@code null} when none
 * @param byRole each rater role's own evidence, present only for roles with at least one counted rating
 */
public record SkillEstimate(
        Double level,
        double uncertainty,
        boolean enoughEvidence,
        Double trend,
        Duration trendWindow,
        String basis,
        int ratingsCounted,
        Instant lastRatedAt,
        Map<RaterRole, RoleEvidence> byRole) {

    public SkillEstimate {
        Objects.requireNonNull(trendWindow, "trendWindow");
        Objects.requireNonNull(basis, "basis");
        EnumMap<RaterRole, RoleEvidence> copy = new EnumMap<>(RaterRole.class);
        if (byRole != null) {
            copy.putAll(byRole);
        }
        byRole = Collections.unmodifiableMap(copy);
    }

    /** {@link #direction()} of a level that went up by more than its noise over the trend window. */
    public static final String RISING = "rising";

    /** {@link #direction()} of a level that went down by more than its noise over the trend window. */
    public static final String FALLING = "falling";

    /** {@link #direction()} of a level whose change over the trend window is within its noise. */
    public static final String FLAT = "flat";

    /** Smallest change over the trend window, in level points, that counts as rising or falling. */
    public static final double MOVED_LEVEL_POINTS = 5.0;

    /**
     * Which way the level went over the trend window: {@link #RISING} or {@link #FALLING} when it moved by at least
     * {@value #MOVED_LEVEL_POINTS} level points and by more than its own uncertainty (so one noisy rating is not called a
     * move), {@link #FLAT} otherwise; {@code null} when there is no level or no trend.
     */
    public String direction() {
        if (level == null || trend == null) {
            return null;
        }
        double threshold = Math.max(MOVED_LEVEL_POINTS, uncertainty);
        if (trend >= threshold) {
            return RISING;
        }
        return -trend >= threshold ? FALLING : FLAT;
    }

    /** The estimate for a theme with no rating at all: no level, prior uncertainty, not enough evidence. */
    public static SkillEstimate none(Duration trendWindow) {
        return new SkillEstimate(
                null,
                SkillEstimator.PRIOR_STD_LEVEL_POINTS,
                false,
                null,
                trendWindow,
                SkillEstimator.BASIS_NONE,
                0,
                null,
                Map.of());
    }
}
