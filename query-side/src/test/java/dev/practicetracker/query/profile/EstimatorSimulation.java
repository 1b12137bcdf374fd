package dev.practicetracker.query.profile;

import dev.practicetracker.events.RaterRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Simulated candidates of known true skill, rated the way the issue describes, and how well the estimator and two
 * simple baselines recover that skill. Pure Java: no Spring, no database, so it runs in well under a second.
 *
 * <p>Each simulated candidate practises one theme for {@value #DAYS} days. On about {@value #PRACTICE_PROBABILITY} of
 * the days they answer once, at a random hour, and the answer gets a coach rating and a self-rating: the true level
 * as a rubric mean plus Gaussian noise of {@value #RATING_NOISE_RUBRIC_POINTS} rubric point, the self-rating shifted
 * by the candidate's own bias (around {@value #SELF_BIAS_RUBRIC_POINTS} rubric point upwards), then clamped to 1..5
 * and rounded to the 0.2 steps a mean of five whole-number criteria can take. The estimator gets all ratings; the
 * baselines get the coach ratings only, since a self-rating's bias would only hurt them.
 */
final class EstimatorSimulation {

    static final int DAYS = 42;
    static final double PRACTICE_PROBABILITY = 0.6;
    static final double RATING_NOISE_RUBRIC_POINTS = 1.0;
    static final double SELF_BIAS_RUBRIC_POINTS = 0.5;
    static final int TREND_WINDOW_DAYS = 28;

    private static final Instant START = Instant.parse("2026-09-07T00:00:00Z");

    /** Shapes of true skill over the six weeks, each with per-candidate random size and timing. */
    enum Curve {
        STEADY_IMPROVEMENT("steady improvement"),
        STALL("stall"),
        DECLINE("decline"),
        SUDDEN_JUMP("sudden jump"),
        FLAT("flat");

        final String label;

        Curve(String label) {
            this.label = label;
        }

        /** A true-level function in level points of the (fractional) day, drawn for one candidate. */
        java.util.function.DoubleUnaryOperator draw(Random random) {
            return switch (this) {
                case STEADY_IMPROVEMENT -> {
                    double from = uniform(random, 20, 45);
                    double gain = uniform(random, 25, 45);
                    yield day -> from + gain * day / DAYS;
                }
                case STALL -> {
                    double from = uniform(random, 20, 45);
                    double gain = uniform(random, 20, 35);
                    double stallDay = uniform(random, 14, 24);
                    yield day -> from + gain * Math.min(day, stallDay) / stallDay;
                }
                case DECLINE -> {
                    double from = uniform(random, 55, 80);
                    double loss = uniform(random, 20, 35);
                    yield day -> from - loss * day / DAYS;
                }
                case SUDDEN_JUMP -> {
                    double from = uniform(random, 25, 45);
                    double jump = uniform(random, 20, 35);
                    double jumpDay = uniform(random, 16, 28);
                    yield day -> day < jumpDay ? from : from + jump;
                }
                case FLAT -> {
                    double level = uniform(random, 25, 75);
                    yield day -> level;
                }
            };
        }
    }

    /** Sums over the simulated candidates of one curve kind. */
    static final class Tally {
        int candidates;
        double productError;
        double plainMeanError;
        double decayingError;
        double productTrendError;
        double plainMeanTrendError;
        double decayingTrendError;
        int withinOne;
        int withinTwo;
        int enoughEvidence;
        double uncertaintySum;

        void add(Tally other) {
            candidates += other.candidates;
            productError += other.productError;
            plainMeanError += other.plainMeanError;
            decayingError += other.decayingError;
            productTrendError += other.productTrendError;
            plainMeanTrendError += other.plainMeanTrendError;
            decayingTrendError += other.decayingTrendError;
            withinOne += other.withinOne;
            withinTwo += other.withinTwo;
            enoughEvidence += other.enoughEvidence;
            uncertaintySum += other.uncertaintySum;
        }

        double productMae() {
            return productError / candidates;
        }

        double plainMeanMae() {
            return plainMeanError / candidates;
        }

        double decayingMae() {
            return decayingError / candidates;
        }

        double productTrendMae() {
            return productTrendError / candidates;
        }

        double plainMeanTrendMae() {
            return plainMeanTrendError / candidates;
        }

        double decayingTrendMae() {
            return decayingTrendError / candidates;
        }

        double coverageOne() {
            return (double) withinOne / candidates;
        }

        double coverageTwo() {
            return (double) withinTwo / candidates;
        }
    }

    private final SkillEstimator estimator = new SkillEstimator(Duration.ofDays(TREND_WINDOW_DAYS));

    /** Runs {@code candidatesPerSeed} candidates of every curve kind for each seed; results by curve kind. */
    Map<Curve, Tally> run(long[] seeds, int candidatesPerSeed) {
        Map<Curve, Tally> tallies = new EnumMap<>(Curve.class);
        for (Curve curve : Curve.values()) {
            Tally tally = new Tally();
            for (long seed : seeds) {
                Random random = new Random(seed * 31 + curve.ordinal());
                for (int i = 0; i < candidatesPerSeed; i++) {
                    simulateOne(curve.draw(random), random, tally);
                }
            }
            tallies.put(curve, tally);
        }
        return tallies;
    }

    private void simulateOne(java.util.function.DoubleUnaryOperator truth, Random random, Tally tally) {
        double selfBias = SELF_BIAS_RUBRIC_POINTS + 0.25 * random.nextGaussian();
        List<RatingObservation> all = new ArrayList<>();
        List<double[]> coach = new ArrayList<>(); // {day, level points}
        for (int day = 0; day < DAYS; day++) {
            if (random.nextDouble() >= PRACTICE_PROBABILITY) {
                continue;
            }
            double at = day + uniform(random, 8, 21) / 24.0;
            double trueScore = SkillEstimator.meanScoreFromLevel(truth.applyAsDouble(at));
            double coachScore = rubricMean(trueScore + RATING_NOISE_RUBRIC_POINTS * random.nextGaussian());
            double selfScore = rubricMean(trueScore + selfBias + RATING_NOISE_RUBRIC_POINTS * random.nextGaussian());
            all.add(new RatingObservation(instant(at), RaterRole.COACH, coachScore));
            all.add(new RatingObservation(instant(at), RaterRole.SELF, selfScore));
            coach.add(new double[] {at, SkillEstimator.levelFromMeanScore(coachScore)});
        }
        double end = DAYS;
        double windowStart = end - TREND_WINDOW_DAYS;
        double trueLevel = truth.applyAsDouble(end);
        double trueChange = trueLevel - truth.applyAsDouble(windowStart);

        SkillEstimate estimate = estimator.estimate(all, instant(end));
        tally.candidates++;
        if (estimate.level() == null) {
            // A candidate who never practised has no level; count the worst plausible error so it is never flattering.
            tally.productError += 50;
            return;
        }
        double error = estimate.level() - trueLevel;
        tally.productError += Math.abs(error);
        tally.uncertaintySum += estimate.uncertainty();
        if (Math.abs(error) <= estimate.uncertainty()) {
            tally.withinOne++;
        }
        if (Math.abs(error) <= 2 * estimate.uncertainty()) {
            tally.withinTwo++;
        }
        if (estimate.enoughEvidence()) {
            tally.enoughEvidence++;
        }
        double productTrend = estimate.trend() == null ? 0.0 : estimate.trend();
        tally.productTrendError += Math.abs(productTrend - trueChange);

        double plainNow = plainMean(coach, end);
        double decayingNow = decayingAverage(coach, end);
        tally.plainMeanError += Math.abs(plainNow - trueLevel);
        tally.decayingError += Math.abs(decayingNow - trueLevel);
        boolean ratedBeforeWindow = !coach.isEmpty() && coach.get(0)[0] <= windowStart;
        tally.plainMeanTrendError +=
                Math.abs((ratedBeforeWindow ? plainNow - plainMean(coach, windowStart) : 0.0) - trueChange);
        tally.decayingTrendError +=
                Math.abs((ratedBeforeWindow ? decayingNow - decayingAverage(coach, windowStart) : 0.0) - trueChange);
    }

    /** The plain mean of all coach ratings up to {@code day}. */
    static double plainMean(List<double[]> ratings, double day) {
        return ratings.stream()
                .filter(r -> r[0] <= day)
                .mapToDouble(r -> r[1])
                .average()
                .orElse(SkillEstimator.PRIOR_LEVEL_POINTS);
    }

    /** 65% the latest coach rating up to {@code day}, 35% the mean of the earlier ones (the latest alone if first). */
    static double decayingAverage(List<double[]> ratings, double day) {
        List<double[]> upTo = ratings.stream().filter(r -> r[0] <= day).toList();
        if (upTo.isEmpty()) {
            return SkillEstimator.PRIOR_LEVEL_POINTS;
        }
        double latest = upTo.get(upTo.size() - 1)[1];
        if (upTo.size() == 1) {
            return latest;
        }
        double earlier = upTo.subList(0, upTo.size() - 1).stream()
                .mapToDouble(r -> r[1])
                .average()
                .orElseThrow();
        return 0.65 * latest + 0.35 * earlier;
    }

    /** The benchmark's table, one row per curve kind and a total. */
    static String table(Map<Curve, Tally> tallies) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "| curve | candidates | MAE product | MAE plain mean | MAE 65/35 | trend error product | trend error plain"
                        + " mean | trend error 65/35 | mean ± | within ±1 | within ±2 | enough evidence |%n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"));
        Tally total = new Tally();
        tallies.forEach((curve, tally) -> {
            row(out, curve.label, tally);
            total.add(tally);
        });
        row(out, "**all**", total);
        return out.toString();
    }

    static Tally total(Map<Curve, Tally> tallies) {
        Tally total = new Tally();
        tallies.values().forEach(total::add);
        return total;
    }

    private static void row(StringBuilder out, String label, Tally t) {
        out.append(String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f%% | %.0f%% | %.0f%% |%n",
                label,
                t.candidates,
                t.productMae(),
                t.plainMeanMae(),
                t.decayingMae(),
                t.productTrendMae(),
                t.plainMeanTrendMae(),
                t.decayingTrendMae(),
                t.uncertaintySum / t.candidates,
                100 * t.coverageOne(),
                100 * t.coverageTwo(),
                100.0 * t.enoughEvidence / t.candidates));
    }

    private static double rubricMean(double score) {
        double clamped = Math.max(1.0, Math.min(5.0, score));
        return Math.round(clamped * 5) / 5.0;
    }

    private static double uniform(Random random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    private static Instant instant(double day) {
        return START.plusMillis(Math.round(day * 86_400_000.0));
    }
}
