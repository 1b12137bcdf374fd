package dev.practicetracker.query.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CalibrationGapTest {

    @Test
    void calls_a_consistent_gap_a_bias_once_its_interval_excludes_zero() {
        CalibrationGap gap = CalibrationGap.of(List.of(0.8, 1.0, 0.6, 1.2, 0.8));

        assertThat(gap.low()).isPositive();
        assertThat(gap.reading()).startsWith("rates themselves 0.88 points higher than the coach on average");
    }

    @Test
    void does_not_call_a_noisy_gap_of_the_same_mean_a_bias() {
        CalibrationGap gap = CalibrationGap.of(List.of(2.0, -1.0, 2.4, -0.8, 1.8));

        assertThat(gap.meanGap()).isEqualTo(0.88);
        assertThat(gap.low()).isNegative();
        assertThat(gap.reading()).startsWith("not clear yet");
    }

    @Test
    void calls_a_candidate_well_calibrated_only_when_the_whole_interval_is_within_a_quarter_point() {
        List<Double> small = List.of(0.2, -0.2, 0.0, 0.2, 0.0, -0.2, 0.2, 0.0, 0.0, -0.2, 0.2, 0.0);

        assertThat(CalibrationGap.of(small).reading()).startsWith("well calibrated");
        assertThat(CalibrationGap.of(List.of(0.2, -0.2)).reading()).startsWith("not clear yet");
    }

    @Test
    void names_a_lower_self_rating_and_needs_two_answers_for_any_interval() {
        assertThat(CalibrationGap.of(List.of(-1.0, -1.2, -0.8, -1.0)).reading())
                .startsWith("rates themselves 1.00 points lower than the coach");
        CalibrationGap one = CalibrationGap.of(List.of(2.0));
        assertThat(one.low()).isNull();
        assertThat(one.reading()).contains("too few to tell");
        assertThat(CalibrationGap.of(List.of()).meanGap()).isNull();
    }
}
