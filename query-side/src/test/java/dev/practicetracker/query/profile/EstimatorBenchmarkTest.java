package dev.practicetracker.query.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.practicetracker.query.profile.EstimatorSimulation.Curve;
import dev.practicetracker.query.profile.EstimatorSimulation.Tally;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The orderings the estimator benchmark must show, on fixed seeds other than the benchmark's own. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EstimatorBenchmarkTest {

    private static Map<Curve, Tally> results;

    @BeforeAll
    static void simulate() {
        results = new EstimatorSimulation().run(new long[] {101, 102, 103, 104, 105}, 100);
        System.out.print(EstimatorSimulation.table(results));
    }

    @ParameterizedTest
    @EnumSource(
            value = Curve.class,
            names = {"STEADY_IMPROVEMENT", "STALL", "DECLINE", "SUDDEN_JUMP"})
    void the_level_is_closer_to_a_changing_truth_than_a_plain_mean_or_a_65_35_decaying_average(Curve curve) {
        Tally tally = results.get(curve);

        assertThat(tally.productMae()).isLessThan(tally.plainMeanMae()).isLessThan(tally.decayingMae());
    }

    @Test
    void the_level_is_closer_to_the_truth_than_both_baselines_over_all_curve_kinds() {
        Tally total = EstimatorSimulation.total(results);

        assertThat(total.productMae()).isLessThan(total.plainMeanMae()).isLessThan(total.decayingMae());
    }

    @Test
    void the_trend_gets_the_size_of_the_recent_change_closer_than_either_baseline_over_all_curve_kinds() {
        Tally total = EstimatorSimulation.total(results);

        assertThat(total.productTrendMae())
                .isLessThan(total.plainMeanTrendMae())
                .isLessThan(total.decayingTrendMae())
                .isLessThan(10.0);
    }

    @Test
    void a_flat_skill_is_still_estimated_better_than_by_the_65_35_decaying_average() {
        // A plain mean is the best possible estimate of a skill that never changes; the level pays a little for
        // being ready to follow change, but must stay well ahead of the decaying average.
        Tally flat = results.get(Curve.FLAT);

        assertThat(flat.productMae()).isLessThan(flat.decayingMae() / 2);
    }

    @ParameterizedTest
    @EnumSource(Curve.class)
    void the_stated_uncertainty_covers_the_truth_about_as_often_as_it_claims(Curve curve) {
        // Wider than the overall tolerance: ratings are bounded to 1..5, so near the ends of the scale their noise is
        // smaller than the one rubric point the filter assumes, and a curve that ends flat is covered a little more.
        Tally tally = results.get(curve);

        assertThat(tally.coverageOne()).isBetween(0.60, 0.84);
        assertThat(tally.coverageTwo()).isBetween(0.90, 0.998);
    }

    @Test
    void over_all_curve_kinds_one_uncertainty_covers_about_68_percent_and_two_about_95() {
        Tally total = EstimatorSimulation.total(results);

        assertThat(total.coverageOne()).isBetween(0.60, 0.78);
        assertThat(total.coverageTwo()).isBetween(0.90, 0.99);
    }
}
