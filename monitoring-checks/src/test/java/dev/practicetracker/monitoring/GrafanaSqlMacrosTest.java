package dev.practicetracker.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GrafanaSqlMacrosTest {

    private final GrafanaSqlMacros macros = new GrafanaSqlMacros(
            Instant.parse("2026-10-30T09:15:00Z"), Instant.parse("2026-11-28T09:15:30.250Z"), Duration.ofSeconds(15));

    @Test
    void timeFilterBecomesABetweenOfTheRangeInUtcRfc3339WithTheFractionTrimmed() {
        assertThat(macros.expand("SELECT 1 FROM t WHERE $__timeFilter(answered_at) AND x = 1"))
                .isEqualTo("SELECT 1 FROM t WHERE answered_at BETWEEN '2026-10-30T09:15:00Z'"
                        + " AND '2026-11-28T09:15:30.25Z' AND x = 1");
    }

    @Test
    void timeFromAndTimeToBecomeQuotedTimestamps() {
        assertThat(macros.expand("WHERE t >= $__timeFrom() AND t < $__timeTo()"))
                .isEqualTo("WHERE t >= '2026-10-30T09:15:00Z' AND t < '2026-11-28T09:15:30.25Z'");
    }

    @Test
    void timeGroupAliasFloorsTheEpochToTheIntervalInSecondsAndNamesItTime() {
        assertThat(macros.expand("SELECT $__timeGroupAlias(day, 1d), count(*) FROM t GROUP BY 1"))
                .isEqualTo("SELECT floor(extract(epoch from day)/86400)*86400 AS \"time\", count(*) FROM t GROUP BY 1");
        assertThat(macros.expand("SELECT $__timeGroupAlias(at, '5m', previous) FROM t"))
                .isEqualTo("SELECT floor(extract(epoch from at)/300)*300 AS \"time\" FROM t");
    }

    @Test
    void timeGroupDirectlyFollowedByACommaGetsTheAliasLikeInGrafanaBefore53() {
        assertThat(macros.expand("SELECT $__timeGroup(at, 1h), v FROM t GROUP BY $__timeGroup(at, 1h)"))
                .isEqualTo("SELECT floor(extract(epoch from at)/3600)*3600 AS \"time\", v FROM t"
                        + " GROUP BY floor(extract(epoch from at)/3600)*3600");
    }

    @Test
    void intervalsPrintAsGoPrintsAFloat() {
        assertThat(GrafanaSqlMacros.goFloat(300)).isEqualTo("300");
        assertThat(GrafanaSqlMacros.goFloat(604800)).isEqualTo("604800");
        assertThat(GrafanaSqlMacros.goFloat(0.5)).isEqualTo("0.5");
        assertThat(GrafanaSqlMacros.goFloat(1_000_000)).isEqualTo("1e+06");
        assertThat(GrafanaSqlMacros.goFloat(2_592_000)).isEqualTo("2.592e+06");
        assertThat(macros.expand("$__timeGroup(at, 500ms)")).isEqualTo("floor(extract(epoch from at)/0.5)*0.5");
    }

    @Test
    void timeAndTimeEpochNameTheColumnTime() {
        assertThat(macros.expand("SELECT $__time(at), $__timeEpoch(at) FROM t"))
                .isEqualTo("SELECT at AS \"time\", extract(epoch from at) as \"time\" FROM t");
    }

    @Test
    void unixEpochMacrosUseSecondsAndNanoseconds() {
        assertThat(macros.expand("WHERE $__unixEpochFilter(ts) AND $__unixEpochFrom() < $__unixEpochTo()"))
                .isEqualTo("WHERE ts >= 1793351700 AND ts <= 1795857330 AND 1793351700 < 1795857330");
        assertThat(macros.expand("$__unixEpochNanoFrom()")).isEqualTo("1793351700000000000");
        assertThat(macros.expand("SELECT $__unixEpochGroupAlias(ts, 1m)"))
                .isEqualTo("SELECT floor((ts)/60)*60 AS \"time\"");
    }

    @Test
    void theIntervalVariablesBecomeGrafanasIntervalTextAndMilliseconds() {
        assertThat(macros.expand("SELECT '$__interval', $__interval_ms, $__timeGroup(at, $__interval)"))
                .isEqualTo("SELECT '15s', 15000, floor(extract(epoch from at)/15)*15");
    }

    @Test
    void anUnknownMacroOrAMissingArgumentFailsAsInGrafana() {
        assertThatThrownBy(() -> macros.expand("WHERE $__dateFilter(day)"))
                .hasMessage("unknown macro \"__dateFilter\"");
        assertThatThrownBy(() -> macros.expand("WHERE $__timeFilter()"))
                .hasMessage("missing time column argument for macro __timeFilter");
        assertThatThrownBy(() -> macros.expand("SELECT $__timeGroup(at)"))
                .hasMessageContaining("needs time column and interval");
        assertThatThrownBy(() -> macros.expand("SELECT $__timeGroup(at, 5 minutes)"))
                .hasMessage("error parsing interval 5 minutes");
    }
}
