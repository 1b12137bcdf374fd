package dev.practicetracker.query.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.practicetracker.events.RaterRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SkillEstimatorTest {

    private static final Instant START = Instant.parse("2024-09-02T09:00:00Z");
    private static final int SIMULATED_DAYS = 60;
    private static final int DAYS_BETWEEN_COACH_RATINGS = 2;
    private static final double COACH_NOISE_LEVEL_POINTS = 8.0;

    private final SkillEstimator estimator = new SkillEstimator();

    @Test
    void tracks_a_candidate_whose_skill_rises_from_30_to_80_better_than_a_plain_mean_of_all_ratings() {
        List<RatingObservation> ratings =
                simulatedCoachRatings(day -> 30.0 + 50.0 * day / SIMULATED_DAYS, new Random(20240902L));

        double estimatorErrorSum = 0;
        double plainMeanErrorSum = 0;
        int secondHalfPoints = 0;
        double finalEstimate = Double.NaN;
        double finalPlainMean = Double.NaN;
        double finalTrue = Double.NaN;
        for (int i = 0; i < ratings.size(); i++) {
            int day = i * DAYS_BETWEEN_COACH_RATINGS;
            Instant asOf = day(day);
            double trueLevel = 30.0 + 50.0 * day / SIMULATED_DAYS;
            double estimate = estimator.estimate(ratings, asOf).level();
            double plainMean = ratings.subList(0, i + 1).stream()
                    .mapToDouble(rating -> SkillEstimator.levelFromMeanScore(rating.meanScore()))
                    .average()
                    .orElseThrow();
            if (day > SIMULATED_DAYS / 2) {
                estimatorErrorSum += Math.abs(estimate - trueLevel);
                plainMeanErrorSum += Math.abs(plainMean - trueLevel);
                secondHalfPoints++;
            }
            finalEstimate = estimate;
            finalPlainMean = plainMean;
            finalTrue = trueLevel;
        }
        double estimatorMae = estimatorErrorSum / secondHalfPoints;
        double plainMeanMae = plainMeanErrorSum / secondHalfPoints;
        SkillEstimate last = estimator.estimate(ratings, day(SIMULATED_DAYS));

        System.out.printf(
                Locale.ROOT,
                "Simulated improving candidate (%d coach ratings, noise %.0f points):%n"
                        + "  true level on day %d:           %.1f%n"
                        + "  estimator level:                %.1f (±%.1f), trend %+.1f over %d days%n"
                        + "  plain mean of all ratings:      %.1f%n"
                        + "  mean absolute error, days 31-60: estimator %.1f, plain mean %.1f%n",
                ratings.size(),
                COACH_NOISE_LEVEL_POINTS,
                SIMULATED_DAYS,
                finalTrue,
                finalEstimate,
                last.uncertainty(),
                last.trend(),
                last.trendWindow().toDays(),
                finalPlainMean,
                estimatorMae,
                plainMeanMae);

        assertThat(finalEstimate).isCloseTo(80.0, within(10.0));
        assertThat(Math.abs(finalPlainMean - finalTrue)).isGreaterThan(20.0);
        assertThat(estimatorMae).isLessThan(plainMeanMae / 2);
        assertThat(last.enoughEvidence()).isTrue();
        assertThat(last.basis()).isEqualTo(SkillEstimator.BASIS_COACH_AND_PEER);
        assertThat(last.ratingsCounted()).isEqualTo(ratings.size());
    }

    @Test
    void reports_a_clearly_positive_trend_for_an_improving_candidate() {
        List<RatingObservation> ratings =
                simulatedCoachRatings(day -> 30.0 + 50.0 * day / SIMULATED_DAYS, new Random(7L));

        SkillEstimate estimate = estimator.estimate(ratings, day(SIMULATED_DAYS));

        double trueChange = 50.0 * 28 / SIMULATED_DAYS;
        System.out.printf(
                Locale.ROOT,
                "Improving candidate: trend %+.1f points over 28 days (true change %+.1f)%n",
                estimate.trend(),
                trueChange);
        assertThat(estimate.trendWindow()).isEqualTo(Duration.ofDays(28));
        assertThat(estimate.trend()).isCloseTo(trueChange, within(10.0));
    }

    @Test
    void reports_a_trend_near_zero_for_a_candidate_whose_skill_stays_flat() {
        List<RatingObservation> ratings = simulatedCoachRatings(day -> 60.0, new Random(11L));

        SkillEstimate estimate = estimator.estimate(ratings, day(SIMULATED_DAYS));

        System.out.printf(
                Locale.ROOT,
                "Flat candidate at 60: level %.1f (±%.1f), trend %+.1f points over 28 days%n",
                estimate.level(),
                estimate.uncertainty(),
                estimate.trend());
        assertThat(estimate.level()).isCloseTo(60.0, within(8.0));
        assertThat(estimate.trend()).isCloseTo(0.0, within(8.0));
    }

    @Test
    void has_no_level_and_not_enough_evidence_without_any_rating() {
        SkillEstimate estimate = estimator.estimate(List.of(), day(0));

        assertThat(estimate.level()).isNull();
        assertThat(estimate.enoughEvidence()).isFalse();
        assertThat(estimate.trend()).isNull();
        assertThat(estimate.uncertainty()).isEqualTo(SkillEstimator.PRIOR_STD_LEVEL_POINTS);
        assertThat(estimate.ratingsCounted()).isZero();
        assertThat(estimate.lastRatedAt()).isNull();
        assertThat(estimate.byRole()).isEmpty();
        assertThat(estimate.basis()).isEqualTo(SkillEstimator.BASIS_NONE);
    }

    @Test
    void rests_on_self_ratings_only_when_there_is_no_coach_or_peer_rating() {
        List<RatingObservation> ratings = List.of(
                new RatingObservation(day(0), RaterRole.SELF, 4.0),
                new RatingObservation(day(1), RaterRole.SELF, 4.2),
                new RatingObservation(day(2), RaterRole.SELF, 3.8));

        SkillEstimate estimate = estimator.estimate(ratings, day(2));

        assertThat(estimate.basis()).isEqualTo("self-ratings only");
        assertThat(estimate.level()).isBetween(50.0, 75.0);
        assertThat(estimate.ratingsCounted()).isEqualTo(3);
        assertThat(estimate.byRole()).containsOnlyKeys(RaterRole.SELF);
        RoleEvidence self = estimate.byRole().get(RaterRole.SELF);
        assertThat(self.count()).isEqualTo(3);
        assertThat(self.meanScore()).isCloseTo(4.0, within(1e-9));
        assertThat(self.level()).isEqualTo(estimate.level());
    }

    @Test
    void counts_as_enough_evidence_once_the_uncertainty_is_15_points_or_less() {
        List<RatingObservation> two = List.of(
                new RatingObservation(day(0), RaterRole.COACH, 3.0),
                new RatingObservation(day(1), RaterRole.COACH, 3.2));
        List<RatingObservation> three = new ArrayList<>(two);
        three.add(new RatingObservation(day(2), RaterRole.COACH, 3.1));

        SkillEstimate afterTwo = estimator.estimate(two, day(1));
        SkillEstimate afterThree = estimator.estimate(three, day(2));

        assertThat(afterTwo.uncertainty()).isGreaterThan(15.0);
        assertThat(afterTwo.enoughEvidence()).isFalse();
        assertThat(afterThree.uncertainty()).isLessThanOrEqualTo(15.0);
        assertThat(afterThree.enoughEvidence()).isTrue();
    }

    @Test
    void counts_self_ratings_only_after_removing_the_bias_the_coach_ratings_reveal() {
        List<RatingObservation> coach = new ArrayList<>();
        List<RatingObservation> withGlowingSelf = new ArrayList<>();
        List<RatingObservation> withHonestSelf = new ArrayList<>();
        for (int day = 0; day <= 20; day += 2) {
            double coachScore = day % 4 == 0 ? 2.4 : 2.8;
            coach.add(new RatingObservation(day(day), RaterRole.COACH, coachScore));
            withGlowingSelf.add(new RatingObservation(day(day), RaterRole.COACH, coachScore));
            withGlowingSelf.add(new RatingObservation(day(day), RaterRole.SELF, coachScore + 1.6));
            withHonestSelf.add(new RatingObservation(day(day), RaterRole.COACH, coachScore));
            withHonestSelf.add(new RatingObservation(day(day), RaterRole.SELF, coachScore));
        }

        SkillEstimate coachOnly = estimator.estimate(coach, day(20));
        SkillEstimate glowing = estimator.estimate(withGlowingSelf, day(20));
        SkillEstimate honest = estimator.estimate(withHonestSelf, day(20));

        System.out.printf(
                Locale.ROOT,
                "Coach only %.1f (±%.1f); with self-ratings 1.6 points higher %.1f (±%.1f); with honest ones %.1f (±%.1f)%n",
                coachOnly.level(),
                coachOnly.uncertainty(),
                glowing.level(),
                glowing.uncertainty(),
                honest.level(),
                honest.uncertainty());
        assertThat(glowing.level()).isCloseTo(coachOnly.level(), within(4.0));
        assertThat(glowing.basis()).isEqualTo("coach and peer ratings");
        assertThat(glowing.byRole().get(RaterRole.SELF).level())
                .isGreaterThan(glowing.byRole().get(RaterRole.COACH).level() + 30);
        assertThat(glowing.byRole().get(RaterRole.COACH).level()).isEqualTo(coachOnly.level());
        assertThat(honest.uncertainty()).isLessThan(coachOnly.uncertainty());
    }

    @Test
    void a_self_rating_moves_the_level_less_than_a_coach_rating() {
        List<RatingObservation> history = List.of(
                new RatingObservation(day(0), RaterRole.COACH, 3.0),
                new RatingObservation(day(2), RaterRole.COACH, 3.0));
        List<RatingObservation> thenCoach = new ArrayList<>(history);
        thenCoach.add(new RatingObservation(day(4), RaterRole.COACH, 5.0));
        List<RatingObservation> thenSelf = new ArrayList<>(history);
        thenSelf.add(new RatingObservation(day(4), RaterRole.SELF, 5.0));

        double before = estimator.estimate(history, day(4)).level();
        assertThat(estimator.estimate(thenSelf, day(4)).level())
                .isGreaterThan(before)
                .isLessThan(estimator.estimate(thenCoach, day(4)).level());
    }

    @Test
    void counts_a_coach_rating_more_than_a_peer_rating_after_the_same_history() {
        List<RatingObservation> history = List.of(
                new RatingObservation(day(0), RaterRole.PEER, 3.0), new RatingObservation(day(2), RaterRole.PEER, 3.0));
        List<RatingObservation> thenCoach = new ArrayList<>(history);
        thenCoach.add(new RatingObservation(day(4), RaterRole.COACH, 5.0));
        List<RatingObservation> thenPeer = new ArrayList<>(history);
        thenPeer.add(new RatingObservation(day(4), RaterRole.PEER, 5.0));

        assertThat(estimator.estimate(thenCoach, day(4)).level())
                .isGreaterThan(estimator.estimate(thenPeer, day(4)).level());
    }

    @Test
    void ignores_ratings_given_after_the_as_of_instant() {
        List<RatingObservation> early = List.of(
                new RatingObservation(day(0), RaterRole.COACH, 2.0),
                new RatingObservation(day(5), RaterRole.PEER, 2.4),
                new RatingObservation(day(10), RaterRole.COACH, 2.2));
        List<RatingObservation> all = new ArrayList<>(early);
        all.add(new RatingObservation(day(20), RaterRole.COACH, 4.8));
        all.add(new RatingObservation(day(25), RaterRole.SELF, 5.0));

        SkillEstimate past = estimator.estimate(all, day(12));

        assertThat(past).isEqualTo(estimator.estimate(early, day(12)));
        assertThat(past.ratingsCounted()).isEqualTo(3);
        assertThat(past.lastRatedAt()).isEqualTo(day(10));
        assertThat(past.byRole()).doesNotContainKey(RaterRole.SELF);
        assertThat(estimator.estimate(all, day(25)).level()).isGreaterThan(past.level());
    }

    @Test
    void gives_the_same_estimate_whatever_order_the_ratings_arrive_in() {
        List<RatingObservation> ratings =
                new ArrayList<>(simulatedCoachRatings(day -> 40.0 + day / 2.0, new Random(3L)));
        SkillEstimate inOrder = estimator.estimate(ratings, day(SIMULATED_DAYS));
        Collections.shuffle(ratings, new Random(5L));

        assertThat(estimator.estimate(ratings, day(SIMULATED_DAYS))).isEqualTo(inOrder);
    }

    @Test
    void grows_more_uncertain_after_a_long_gap_without_practice() {
        List<RatingObservation> ratings = simulatedCoachRatings(day -> 55.0, new Random(13L));

        SkillEstimate rightAfter = estimator.estimate(ratings, day(SIMULATED_DAYS));
        SkillEstimate monthLater = estimator.estimate(ratings, day(SIMULATED_DAYS + 30));
        SkillEstimate yearLater = estimator.estimate(ratings, day(SIMULATED_DAYS + 365));

        System.out.printf(
                Locale.ROOT,
                "Uncertainty after the last rating: %.1f points; 30 days later %.1f; a year later %.1f%n",
                rightAfter.uncertainty(),
                monthLater.uncertainty(),
                yearLater.uncertainty());
        assertThat(monthLater.level()).isCloseTo(rightAfter.level(), within(5.0));
        assertThat(monthLater.uncertainty()).isGreaterThan(rightAfter.uncertainty() + 5.0);
        assertThat(estimator.estimate(ratings, day(SIMULATED_DAYS + 60)).enoughEvidence())
                .isFalse();
        assertThat(yearLater.uncertainty()).isEqualTo(SkillEstimator.PRIOR_STD_LEVEL_POINTS);
    }

    @Test
    void has_no_trend_when_nothing_was_rated_before_the_window_start() {
        List<RatingObservation> ratings = List.of(
                new RatingObservation(day(30), RaterRole.COACH, 3.0),
                new RatingObservation(day(35), RaterRole.COACH, 3.5));

        assertThat(estimator.estimate(ratings, day(40)).trend()).isNull();
        assertThat(new SkillEstimator(Duration.ofDays(7))
                        .estimate(ratings, day(40))
                        .trend())
                .isPositive();
    }

    /** A coach rating every two days from day 0 to day 60, the true level plus seeded Gaussian noise, on 1..5. */
    private static List<RatingObservation> simulatedCoachRatings(DoubleUnaryOperator trueLevelOnDay, Random random) {
        List<RatingObservation> ratings = new ArrayList<>();
        for (int day = 0; day <= SIMULATED_DAYS; day += DAYS_BETWEEN_COACH_RATINGS) {
            double observed = trueLevelOnDay.applyAsDouble(day) + random.nextGaussian() * COACH_NOISE_LEVEL_POINTS;
            double meanScore = Math.max(1.0, Math.min(5.0, SkillEstimator.meanScoreFromLevel(observed)));
            ratings.add(new RatingObservation(day(day), RaterRole.COACH, meanScore));
        }
        return ratings;
    }

    private static Instant day(int day) {
        return START.plus(Duration.ofDays(day));
    }
}
