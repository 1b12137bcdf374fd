package dev.practicetracker.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void variablesAreSubstitutedInEachOfGrafanasThreeSpellings() {
        assertThat(PromQl.substitute(
                        "rate(x{cohort=\"$cohort\", app=~\"${application}\", t=\"[[theme]]\"}[$__rate_interval])",
                        Map.of("cohort", "c1", "application", "a|b", "theme", "git", "__rate_interval", "1m")))
                .isEqualTo("rate(x{cohort=\"c1\", app=~\"a|b\", t=\"git\"}[1m])");
        assertThat(PromQl.substitute("WHERE id = '${candidate}' AND $__timeFilter(at)", Map.of("candidate", "ada")))
                .isEqualTo("WHERE id = 'ada' AND $__timeFilter(at)");
        assertThatThrownBy(() -> PromQl.substitute("x{c=\"$nope\"}", Map.of())).hasMessageContaining("$nope");
    }

    @Test
    void comparisonsOutsideLabelMatchersGetBoolSoAQuietAlertStillReturnsItsSeries() {
        assertThat(PromQl.withBoolComparisons("a{x!=\"1\", y=~\"b\"} > 60"))
                .isEqualTo("a{x!=\"1\", y=~\"b\"} > bool 60");
        assertThat(PromQl.withBoolComparisons("a == 0\nand\nb > 0")).isEqualTo("a == bool 0\nand\nb > bool 0");
        assertThat(PromQl.withBoolComparisons("a >= bool 2 * 86400")).isEqualTo("a >= bool 2 * 86400");
        assertThat(PromQl.withBoolComparisons("a{s=\"<5\"} <= 1")).isEqualTo("a{s=\"<5\"} <= bool 1");
    }

    @Test
    void aCounterOutsideRateOrIncreaseIsFound() {
        assertThat(PromQl.countersOutsideRate("sum(rate(x_total{a=\"b_total\"}[1m])) / sum(increase(y_count[1m]))"))
                .isEmpty();
        assertThat(PromQl.countersOutsideRate(
                        "histogram_quantile(0.9, sum by (le) (rate(h_seconds_bucket[$__rate_interval])))"))
                .isEmpty();
        assertThat(PromQl.countersOutsideRate("sum(x_total) + y_seconds_sum"))
                .containsExactly("x_total", "y_seconds_sum");
        assertThat(PromQl.countersOutsideRate("level:tracker_answers_total:max"))
                .isEmpty();
    }

    @Test
    void rangesAndRecordedSeriesAreFound() {
        assertThat(PromQl.ranges("rate(a_total{x=\"[1m]\"}[$__rate_interval]) + rate(b_total[5m])"))
                .containsExactly("$__rate_interval", "5m");
        assertThat(PromQl.recordedSeries(
                        "bottomk(3, cohort:x:max{cohort=\"a\"}) + sum by (payload_type) (rate(h_bucket[1m]))"))
                .containsExactly("cohort:x:max");
    }
}
