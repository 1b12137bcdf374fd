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
 * past date is computed by passing that date.
 *
 * <ul>
 *   <li>When a theme has any coach or peer rating, the headline level rests on <em>coach and peer ratings</em>, and
 *       self-ratings count too, but only as the level <em>plus the candidate's own self-rating bias</em>: the filter
 *       estimates that bias from answers a coach or peer also rated (prior 0 ± {@value #SELF_BIAS_STD_LEVEL_POINTS}
 *       level points, drifting by {@value #SELF_BIAS_VARIANCE_PER_DAY} squared points a day), so a candidate who
 *       always rates themselves a point higher does not raise their level by doing so, while an honest self-rating
 *       adds a little evidence. A self-rating also counts less than a coach's, being noisier.
 *   <li>Only when a theme has no coach or peer rating at all does the headline rest on <em>self-ratings only</em>,
 *       and the estimate says so in its {@code basis}; the bias is then unknown, so its spread is added to the
 *       uncertainty, which no number of self-ratings brings below {@value #SELF_BIAS_STD_LEVEL_POINTS} level points:
 *       such a level never counts as established.
 *   <li>The per-role breakdown always reports each role separately: its count, its plain mean score and its own level
 *       estimate from that role's ratings alone, taken at face value.
 * </ul>
 *
 * <p><b>Model.</b> The true level is assumed to move smoothly: it has a level and a rate of change (level points per
 * day), and both wander. This is a Kalman filter over a <em>damped local linear trend</em>, the state-space model
 * behind Holt's exponential smoothing. Per elapsed day the level takes a random step of variance {@value
 * #LEVEL_VARIANCE_PER_DAY} squared level points, the rate of change takes one of {@value #SLOPE_VARIANCE_PER_DAY}
 * squared points per day, and the rate of change relaxes towards zero at {@value #SLOPE_DAMPING_PER_DAY} per day (a
 * candidate who improved last month is not assumed to improve for ever). The prior is {@value #PRIOR_LEVEL_POINTS} ±
 * {@value #PRIOR_STD_LEVEL_POINTS} level points with no rate of change, give or take the rate's long-run spread.
 *
 * <p><b>How much each rating counts.</b> Each rating is a noisy measurement of the true level at the moment the answer
 * was given, with a noise standard deviation by role: {@value #COACH_NOISE_STD_LEVEL_POINTS} level points (one rubric
 * point) for a coach, {@value #PEER_NOISE_STD_LEVEL_POINTS} for a peer, {@value #SELF_NOISE_STD_LEVEL_POINTS} for a
 * self-rating. A rating moves the estimate towards itself by the Kalman gain: much when the estimate is uncertain or
 * the rater reliable, little when the estimate is established. Old ratings fade geometrically rather than weighing as
 * much as yesterday's, and a run of ratings above the level raises the rate of change, so the level keeps up with a
 * candidate who improves steadily instead of lagging behind.
 *
 * <p><b>Uncertainty</b> is the filter's standard deviation of the level at the as-of instant, in level points. It
 * includes the prediction from the last rating to that instant, so it grows during a gap without practice (and with
 * an uncertain rate of change); it is capped at the prior's. Because the level and its rate of change are modelled
 * as moving, the lag behind a changing skill is part of it. It is meant literally: on simulated candidates the truth
 * lies within ±1 of it about 68 to 80 times in 100 and within ±2 about 96 to 99 ({@code EstimatorBenchmark}).
 *
 * <p><b>Enough evidence.</b> The headline level counts as established when its uncertainty is at most {@value
 * #MAX_UNCERTAINTY_FOR_EVIDENCE_LEVEL_POINTS} level points; above that it should be shown as provisional. How many
 * ratings that takes follows from who gave them and when.
 *
 * <p><b>Trend.</b> The trend is the headline level at the as-of instant minus the level at the start of the trend
 * window ({@link #DEFAULT_TREND_WINDOW} by default) as known now: smoothed with the ratings that came after it
 * (Rauch-Tung-Striebel), so it does not inherit the filter's lag at that time. It is {@code null} when no rating of
 * the headline basis existed at the window start.
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

    /** Variance of the level's own random step per elapsed day, in squared level points per day. */
    public static final double LEVEL_VARIANCE_PER_DAY = 0.3;

    /** Variance of the rate of change's random step per elapsed day, in squared (level points per day) per day. */
    public static final double SLOPE_VARIANCE_PER_DAY = 0.01;

    /** Rate at which the rate of change relaxes towards zero, per day. */
    public static final double SLOPE_DAMPING_PER_DAY = 0.01;

    /** Measurement noise of a coach rating, one standard deviation in level points (one rubric point). */
    public static final double COACH_NOISE_STD_LEVEL_POINTS = 25.0;

    /** Measurement noise of a peer rating, one standard deviation in level points. */
    public static final double PEER_NOISE_STD_LEVEL_POINTS = 30.0;

    /** Measurement noise of a self-rating, one standard deviation in level points. */
    public static final double SELF_NOISE_STD_LEVEL_POINTS = 35.0;

    /** Spread of a candidate's unknown self-rating bias, one standard deviation in level points. */
    public static final double SELF_BIAS_STD_LEVEL_POINTS = 25.0;

    /** Variance of the self-rating bias's random step per elapsed day, in squared level points per day. */
    public static final double SELF_BIAS_VARIANCE_PER_DAY = 0.5;

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
    // The rate of change's long-run spread under the damped random walk: its prior before any rating.
    private static final double PRIOR_SLOPE_VARIANCE = SLOPE_VARIANCE_PER_DAY / (2 * SLOPE_DAMPING_PER_DAY);
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
        Track joint = Track.joint();
        for (RatingObservation rating : chronological(ratings)) {
            if (rating.ratedAt().isAfter(asOf)) {
                break;
            }
            byRole.computeIfAbsent(rating.role(), Track::of).observe(rating, windowStart);
            joint.observe(rating, windowStart);
        }

        Map<RaterRole, RoleEvidence> evidence = new EnumMap<>(RaterRole.class);
        byRole.forEach((role, track) -> evidence.put(
                role,
                new RoleEvidence(
                        role,
                        track.count,
                        track.scoreSum / track.count,
                        track.levelAt(asOf),
                        track.uncertaintyAt(asOf),
                        track.lastAt)));

        Track headline;
        String basis;
        if (byRole.containsKey(RaterRole.COACH) || byRole.containsKey(RaterRole.PEER)) {
            headline = joint;
            basis = BASIS_COACH_AND_PEER;
        } else if (byRole.containsKey(RaterRole.SELF)) {
            headline = byRole.get(RaterRole.SELF);
            basis = BASIS_SELF_ONLY;
        } else {
            return SkillEstimate.none(trendWindow);
        }

        double level = headline.levelAt(asOf);
        double uncertainty = headline.uncertaintyAt(asOf);
        boolean enoughEvidence = uncertainty <= MAX_UNCERTAINTY_FOR_EVIDENCE_LEVEL_POINTS;
        Double trend = headline.hasLevelAtWindowStart ? level - headline.levelAtWindowStart(windowStart) : null;
        return new SkillEstimate(
                level,
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

    /**
     * Kalman filter for one stream of ratings. The state is level, rate of change and self-rating bias (level points,
     * points per day, level points) with its covariance, as of the last rating. A joint track reads a self-rating as
     * level plus bias; any other track reads every rating as the level itself, and a track of self-ratings alone then
     * adds the bias it cannot see to its uncertainty. From the trend window start on, each step is kept, so that the
     * level at the window start can be smoothed with the ratings that came after it (Rauch-Tung-Striebel). Plain
     * arrays rather than a matrix library: the projections run this on every rating, and 3×3 needs no more.
     */
    private static final class Track {
        private final boolean joint;
        private final boolean selfOnly;
        private double[] state = {PRIOR_LEVEL_POINTS, 0, 0};
        private double[][] covariance = {
            {PRIOR_VARIANCE, 0, 0},
            {0, PRIOR_SLOPE_VARIANCE, 0},
            {0, 0, SELF_BIAS_STD_LEVEL_POINTS * SELF_BIAS_STD_LEVEL_POINTS}
        };
        private Instant lastAt;
        private int count;
        private double scoreSum;
        private boolean hasLevelAtWindowStart;
        private final List<Step> sinceWindowStart = new ArrayList<>();

        /** A filtered state and, once the next rating came, the prediction that led from it to that rating. */
        private static final class Step {
            final double[] state;
            final double[][] covariance;
            double[][] transition;
            double[] predictedState;
            double[][] predictedCovariance;

            Step(double[] state, double[][] covariance) {
                this.state = state;
                this.covariance = covariance;
            }
        }

        private Track(boolean joint, boolean selfOnly) {
            this.joint = joint;
            this.selfOnly = selfOnly;
        }

        static Track joint() {
            return new Track(true, false);
        }

        static Track of(RaterRole role) {
            return new Track(false, role == RaterRole.SELF);
        }

        void observe(RatingObservation rating, Instant windowStart) {
            if (lastAt != null) {
                Instant from = lastAt;
                if (!lastAt.isAfter(windowStart) && rating.ratedAt().isAfter(windowStart)) {
                    // The window start becomes a step of its own, with no rating, so it can be smoothed.
                    predictOver(days(lastAt, windowStart));
                    sinceWindowStart.add(new Step(state, covariance));
                    from = windowStart;
                }
                predictOver(days(from, rating.ratedAt()));
            }
            update(rating);
            lastAt = rating.ratedAt();
            count++;
            scoreSum += rating.meanScore();
            if (!rating.ratedAt().isAfter(windowStart)) {
                hasLevelAtWindowStart = true;
            } else {
                sinceWindowStart.add(new Step(state, covariance));
            }
        }

        /** Moves the state {@code days} on, recording the prediction on the last kept step for smoothing. */
        private void predictOver(double days) {
            double[][] transition = transition(days);
            state = multiply(transition, state);
            covariance = predictedCovariance(transition, covariance, days);
            if (!sinceWindowStart.isEmpty()) {
                Step last = sinceWindowStart.get(sinceWindowStart.size() - 1);
                last.transition = transition;
                last.predictedState = state;
                last.predictedCovariance = covariance;
            }
        }

        /** The Kalman update for one rating: {@code h} picks the level, plus the bias for a self-rating. */
        private void update(RatingObservation rating) {
            boolean withBias = joint && rating.role() == RaterRole.SELF;
            double noiseStd = noiseStdLevelPoints(rating.role());
            double[] ph = new double[3];
            for (int i = 0; i < 3; i++) {
                ph[i] = covariance[i][0] + (withBias ? covariance[i][2] : 0);
            }
            double innovationVariance = ph[0] + (withBias ? ph[2] : 0) + noiseStd * noiseStd;
            double innovation = levelFromMeanScore(rating.meanScore()) - state[0] - (withBias ? state[2] : 0);
            double[] newState = new double[3];
            double[][] newCovariance = new double[3][3];
            for (int i = 0; i < 3; i++) {
                double gain = ph[i] / innovationVariance;
                newState[i] = state[i] + gain * innovation;
                for (int j = 0; j < 3; j++) {
                    newCovariance[i][j] = covariance[i][j] - gain * ph[j];
                }
            }
            state = newState;
            covariance = newCovariance;
        }

        double levelAt(Instant asOf) {
            return clampToScale(multiply(transition(days(lastAt, asOf)), state)[0]);
        }

        double uncertaintyAt(Instant asOf) {
            double days = days(lastAt, asOf);
            double variance = predictedCovariance(transition(days), covariance, days)[0][0];
            if (selfOnly) {
                variance += SELF_BIAS_STD_LEVEL_POINTS * SELF_BIAS_STD_LEVEL_POINTS;
            }
            return Math.sqrt(Math.min(PRIOR_VARIANCE, variance));
        }

        /** The level at the window start, knowing every rating up to the as-of instant. */
        double levelAtWindowStart(Instant windowStart) {
            if (sinceWindowStart.isEmpty()) {
                return levelAt(windowStart);
            }
            double[] smoothed = sinceWindowStart.get(sinceWindowStart.size() - 1).state;
            for (int k = sinceWindowStart.size() - 2; k >= 0; k--) {
                Step step = sinceWindowStart.get(k);
                double[][] gain = multiply(
                        multiplyTransposed(step.covariance, step.transition), inverse(step.predictedCovariance));
                double[] correction = multiply(gain, subtract(smoothed, step.predictedState));
                smoothed = new double[] {
                    step.state[0] + correction[0], step.state[1] + correction[1], step.state[2] + correction[2]
                };
            }
            return clampToScale(smoothed[0]);
        }

        /** The rate of change decays by {@code e = exp(-damping × days)}, the level moves by its integral. */
        private static double[][] transition(double days) {
            double decay = Math.exp(-SLOPE_DAMPING_PER_DAY * days);
            double reach = (1 - decay) / SLOPE_DAMPING_PER_DAY;
            return new double[][] {{1, reach, 0}, {0, decay, 0}, {0, 0, 1}};
        }

        /** F P Fᵀ plus the random steps of level, rate of change and bias over {@code days}. */
        private static double[][] predictedCovariance(double[][] transition, double[][] covariance, double days) {
            double[][] grown = multiplyTransposed(multiply(transition, covariance), transition);
            double decay = transition[1][1];
            double cross = SLOPE_VARIANCE_PER_DAY * days * days / 2;
            grown[0][0] += LEVEL_VARIANCE_PER_DAY * days + SLOPE_VARIANCE_PER_DAY * days * days * days / 3;
            grown[0][1] += cross;
            grown[1][0] += cross;
            grown[1][1] += SLOPE_VARIANCE_PER_DAY * (1 - decay * decay) / (2 * SLOPE_DAMPING_PER_DAY);
            grown[2][2] += SELF_BIAS_VARIANCE_PER_DAY * days;
            return grown;
        }

        private static double[][] multiply(double[][] a, double[][] b) {
            double[][] product = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    product[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
                }
            }
            return product;
        }

        /** {@code a × bᵀ}. */
        private static double[][] multiplyTransposed(double[][] a, double[][] b) {
            double[][] product = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    product[i][j] = a[i][0] * b[j][0] + a[i][1] * b[j][1] + a[i][2] * b[j][2];
                }
            }
            return product;
        }

        private static double[] multiply(double[][] a, double[] v) {
            return new double[] {
                a[0][0] * v[0] + a[0][1] * v[1] + a[0][2] * v[2],
                a[1][0] * v[0] + a[1][1] * v[1] + a[1][2] * v[2],
                a[2][0] * v[0] + a[2][1] * v[1] + a[2][2] * v[2]
            };
        }

        private static double[] subtract(double[] a, double[] b) {
            return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
        }

        /** The inverse of a 3×3 matrix by its cofactors; a predicted covariance is always positive definite. */
        private static double[][] inverse(double[][] m) {
            double c00 = m[1][1] * m[2][2] - m[1][2] * m[2][1];
            double c01 = m[1][2] * m[2][0] - m[1][0] * m[2][2];
            double c02 = m[1][0] * m[2][1] - m[1][1] * m[2][0];
            double determinant = m[0][0] * c00 + m[0][1] * c01 + m[0][2] * c02;
            return new double[][] {
                {
                    c00 / determinant,
                    (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / determinant,
                    (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / determinant
                },
                {
                    c01 / determinant,
                    (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / determinant,
                    (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / determinant
                },
                {
                    c02 / determinant,
                    (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / determinant,
                    (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / determinant
                }
            };
        }

        private static double days(Instant from, Instant to) {
            return Math.max(0.0, Duration.between(from, to).toMillis() / MILLIS_PER_DAY);
        }

        private static double clampToScale(double level) {
            return Math.max(0.0, Math.min(100.0, level));
        }
    }
}
