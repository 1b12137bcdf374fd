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
