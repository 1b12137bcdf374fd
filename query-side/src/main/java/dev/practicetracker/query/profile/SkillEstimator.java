package dev.practicetracker.query.profile;

import dev.practicetracker.events.RaterRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Estimates a candidate's level in one theme from the ratings their answers received, as it stood at a given instant.
 *
 * <p><b>Scale.</b> Levels are in <em>level points</em> from 0 to 100. A rating's rubric mean (the unweighted mean of
 * the five criteria, 1 to 5) maps linearly onto that scale: 1 is 0, 3 is 50, 5 is 100.
 *
 * <p><b>Which ratings count.</b> Only ratings given at or before the as-of instant count, so a profile as it stood on a
 * past date is computed by passing that date. Rater roles are kept apart, never blended into one number:
 *
 * <ul>
 *   <li>The headline level rests on <em>coach and peer ratings</em>. Self-ratings do not move it at all, because
 *       candidates tend to rate themselves systematically (not just randomly) off, and averaging cannot remove a bias.
 *   <li>Only when a theme has no coach or peer rating at all does the headline rest on <em>self-ratings only</em>,
 *       and the estimate says so in its {@code basis}.
 *   <li>The per-role breakdown always reports each role separately: its count, its plain mean score and its own level
 *       estimate computed with the same method from that role's ratings alone.
 * </ul>
 *
 * <p><b>How much each rating counts.</b> The estimator is a one-dimensional Kalman filter over the level (the same idea
 * as the Glicko rating system). It starts from a prior of {@value #PRIOR_LEVEL_POINTS} level points with a standard
 * deviation of {@value #PRIOR_STD_LEVEL_POINTS}: before any rating we know little. Each rating is a noisy measurement
 * of the true level, with a noise standard deviation that depends on who gave it: {@value #COACH_NOISE_STD_LEVEL_POINTS}
 * level points for a coach (trained, calibrated on many candidates), {@value #PEER_NOISE_STD_LEVEL_POINTS} for a peer,
 * {@value #SELF_NOISE_STD_LEVEL_POINTS} for a self-rating. A rating moves the estimate towards itself by the fraction
 * {@code variance / (variance + noise²)}: much when the estimate is uncertain or the rater is reliable, little when the
 * estimate is already well established or the rater is noisy. Each rating also shrinks the uncertainty.
 *
 * <p><b>How recency counts.</b> Skill is not fixed: candidates improve with practice and get rusty without it. The
 * filter models this as drift: between two ratings the variance of the estimate grows by
 * {@value #DRIFT_VARIANCE_LEVEL_POINTS2_PER_DAY} squared level points per elapsed day (a standard deviation of 2 level
 * points after one day, about 10.6 after four weeks), capped at the prior variance. So after a gap the next rating
 * counts more, and old ratings fade in influence geometrically instead of weighing as much as yesterday's, which is
 * why the estimate follows an improving candidate where a plain mean of all ratings lags far behind. The uncertainty
 * reported at the as-of instant includes the drift since the last rating, so it grows during a long gap without
 * practice.
 *
 * <p><b>Enough evidence.</b> The headline level counts as established when it rests on at least {@value
 * #MIN_RATINGS_FOR_EVIDENCE} ratings and its uncertainty is at most {@value #MAX_UNCERTAINTY_FOR_EVIDENCE_LEVEL_POINTS}
 * level points; below that it should be shown as provisional.
 *
 * <p><b>Trend.</b> The trend is the headline level at the as-of instant minus the headline level at the start of the
 * trend window ({@link #DEFAULT_TREND_WINDOW} by default), both computed by the same filter over the same basis of
 * ratings. It is {@code null} when no rating of that basis existed at the window start.
 *
 * <p>Deterministic, and independent of the order ratings are passed in (ties are broken by role and score). One pass
 * over the ratings: O(n) when they arrive in chronological order, as a projection delivers them, O(n log n)
 * otherwise.
 */
public final class SkillEstimator {

    /** Prior level before any rating, in level points (the middle of the scale). */
    public static final double PRIOR_LEVEL_POINTS = 50.0;

    /** Prior standard deviation before any rating, in level points; also the cap on uncertainty after long gaps. */
    public static final double PRIOR_STD_LEVEL_POINTS = 30.0;

    /** Growth of the estimate's variance per elapsed day without a rating, in squared level points per day. */
    public static final double DRIFT_VARIANCE_LEVEL_POINTS2_PER_DAY = 4.0;

    /** Measurement noise of a coach rating, one standard deviation in level points. */
    public static final double COACH_NOISE_STD_LEVEL_POINTS = 10.0;

    /** Measurement noise of a peer rating, one standard deviation in level points. */
    public static final double PEER_NOISE_STD_LEVEL_POINTS = 15.0;

    /** Measurement noise of a self-rating, one standard deviation in level points. */
    public static final double SELF_NOISE_STD_LEVEL_POINTS = 30.0;

    /** Fewest ratings the headline level must rest on to count as enough evidence. */
    public static final int MIN_RATINGS_FOR_EVIDENCE = 3;

    /** Largest uncertainty, in level points, at which the headline level counts as enough evidence. */
    public static final double MAX_UNCERTAINTY_FOR_EVIDENCE_LEVEL_POINTS = 15.0;

    /** Default window the trend is measured over: 28 days. */
    public static final Duration DEFAULT_TREND_WINDOW = Duration.ofDays(28);

    /** Basis of a headline level resting on coach and peer ratings. */
    public static final String BASIS_COACH_AND_PEER = "coach and peer ratings";

    /** Basis of a headline level resting on self-ratings, because there is no coach or peer rating. */
    public static final String BASIS_SELF_ONLY = "self-ratings only";

    /** Basis of an estimate with no rating at all. */
    public static final String BASIS_NONE = "no ratings yet";

    private static final double PRIOR_VARIANCE = PRIOR_STD_LEVEL_POINTS * PRIOR_STD_LEVEL_POINTS;
    private static final double MILLIS_PER_DAY = 86_400_000.0;
    private static final Comparator<RatingObservation> CHRONOLOGICAL = Comparator.comparing(RatingObservation::ratedAt)
            .thenComparing(RatingObservation::role)
            .thenComparingDouble(RatingObservation::meanScore);

    private final Duration trendWindow;

    /** An estimator measuring trends over {@link #DEFAULT_TREND_WINDOW}. */
    public SkillEstimator() {
        this(DEFAULT_TREND_WINDOW);
    }

    /** An estimator measuring trends over the given window, which must be positive. */
    public SkillEstimator(Duration trendWindow) {
        Objects.requireNonNull(trendWindow, "trendWindow");
        if (trendWindow.isNegative() || trendWindow.isZero()) {
            throw new IllegalArgumentException("trend window must be positive, was " + trendWindow);
        }
        this.trendWindow = trendWindow;
    }

    public Duration trendWindow() {
        return trendWindow;
    }

    /** Maps a rubric mean score, 1 to 5, linearly onto level points, 0 to 100. */
    public static double levelFromMeanScore(double meanScore) {
        return (meanScore - 1.0) * 25.0;
    }

    /** Maps level points, 0 to 100, back onto a rubric mean score, 1 to 5. */
    public static double meanScoreFromLevel(double level) {
        return 1.0 + level / 25.0;
    }

    /** Measurement noise of one rating by the given role, one standard deviation in level points. */
    public static double noiseStdLevelPoints(RaterRole role) {
        return switch (role) {
            case COACH -> COACH_NOISE_STD_LEVEL_POINTS;
            case PEER -> PEER_NOISE_STD_LEVEL_POINTS;
            case SELF -> SELF_NOISE_STD_LEVEL_POINTS;
        };
    }

    /**
     * Estimates the level from the ratings one candidate received for one theme, counting only those given at or
     * before {@code asOf}.
     */
    public SkillEstimate estimate(Collection<RatingObservation> ratings, Instant asOf) {
        Objects.requireNonNull(ratings, "ratings");
        Objects.requireNonNull(asOf, "asOf");
        Instant windowStart = asOf.minus(trendWindow);

        EnumMap<RaterRole, Track> byRole = new EnumMap<>(RaterRole.class);
        Track coachAndPeer = new Track();
        for (RatingObservation rating : chronological(ratings)) {
            if (rating.ratedAt().isAfter(asOf)) {
                break;
            }
            byRole.computeIfAbsent(rating.role(), role -> new Track()).observe(rating, windowStart);
            if (rating.role() != RaterRole.SELF) {
                coachAndPeer.observe(rating, windowStart);
            }
        }

        Map<RaterRole, RoleEvidence> evidence = new EnumMap<>(RaterRole.class);
        byRole.forEach((role, track) -> evidence.put(
                role,
                new RoleEvidence(
                        role,
                        track.count,
                        track.scoreSum / track.count,
                        track.mean,
                        track.uncertaintyAt(asOf),
                        track.lastAt)));

        Track headline;
        String basis;
        if (coachAndPeer.count > 0) {
            headline = coachAndPeer;
            basis = BASIS_COACH_AND_PEER;
        } else if (byRole.containsKey(RaterRole.SELF)) {
            headline = byRole.get(RaterRole.SELF);
            basis = BASIS_SELF_ONLY;
        } else {
            return SkillEstimate.none(trendWindow);
        }

        double uncertainty = headline.uncertaintyAt(asOf);
        boolean enoughEvidence =
                headline.count >= MIN_RATINGS_FOR_EVIDENCE && uncertainty <= MAX_UNCERTAINTY_FOR_EVIDENCE_LEVEL_POINTS;
        Double trend = headline.hasLevelAtWindowStart ? headline.mean - headline.levelAtWindowStart : null;
        return new SkillEstimate(
                headline.mean,
                uncertainty,
                enoughEvidence,
                trend,
                trendWindow,
                basis,
                headline.count,
                headline.lastAt,
                evidence);
    }

    private static List<RatingObservation> chronological(Collection<RatingObservation> ratings) {
        List<RatingObservation> list = new ArrayList<>(ratings);
        for (int i = 1; i < list.size(); i++) {
            if (CHRONOLOGICAL.compare(list.get(i - 1), list.get(i)) > 0) {
                list.sort(CHRONOLOGICAL);
                break;
            }
        }
        return list;
    }

    /** Kalman filter state for one stream of ratings, plus its level as it stood at the trend window start. */
    private static final class Track {
        private double mean = PRIOR_LEVEL_POINTS;
        private double variance = PRIOR_VARIANCE;
        private Instant lastAt;
        private int count;
        private double scoreSum;
        private boolean hasLevelAtWindowStart;
        private double levelAtWindowStart;

        void observe(RatingObservation rating, Instant windowStart) {
            if (lastAt != null) {
                variance = varianceAfterDrift(variance, lastAt, rating.ratedAt());
            }
            double noiseStd = noiseStdLevelPoints(rating.role());
            double gain = variance / (variance + noiseStd * noiseStd);
            mean += gain * (levelFromMeanScore(rating.meanScore()) - mean);
            variance *= 1.0 - gain;
            lastAt = rating.ratedAt();
            count++;
            scoreSum += rating.meanScore();
            if (!rating.ratedAt().isAfter(windowStart)) {
                // The drift step leaves the mean unchanged, so the level at the window start is the level after the
                // last rating at or before it.
                hasLevelAtWindowStart = true;
                levelAtWindowStart = mean;
            }
        }

        double uncertaintyAt(Instant asOf) {
            return Math.sqrt(varianceAfterDrift(variance, lastAt, asOf));
        }

        private static double varianceAfterDrift(double variance, Instant from, Instant to) {
            double days = Math.max(0.0, Duration.between(from, to).toMillis() / MILLIS_PER_DAY);
            return Math.min(PRIOR_VARIANCE, variance + DRIFT_VARIANCE_LEVEL_POINTS2_PER_DAY * days);
        }
    }
}
