package dev.practicetracker.query.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.practicetracker.events.Theme;
import dev.practicetracker.query.cohort.AtRiskRules.ThemeTrend;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class AtRiskRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final AtRiskRules rules = new AtRiskRules(7, -5, Duration.ofDays(28));

    @Test
    void practiceWithinTheInactiveDaysIsNoRisk() {
        assertThat(rules.reasons(daysAgo(30), daysAgo(6).minusSeconds(3600), List.of(), 7, NOW))
                .isEmpty();
    }

    @Test
    void sevenWholeDaysWithoutPracticeIsARiskUnderASevenDayThreshold() {
        assertThat(rules.reasons(daysAgo(30), daysAgo(7), List.of(), 7, NOW)).containsExactly("no practice for 7 days");
    }

    @Test
    void practiceBeforeEnrollingDoesNotCountAsPracticeInTheCohort() {
        assertThat(rules.reasons(daysAgo(8), daysAgo(40), List.of(), 7, NOW))
                .containsExactly("no practice since enrolling 8 days ago (last practice 40 days ago)");
    }

    @Test
    void aCandidateEnrolledFewerThanTheInactiveDaysAgoIsNotYetAtRisk() {
        assertThat(rules.reasons(daysAgo(6), null, List.of(), 7, NOW)).isEmpty();
        assertThat(rules.reasons(daysAgo(1), null, List.of(), 1, NOW))
                .containsExactly("no practice since enrolling 1 day ago");
    }

    @Test
    void aFallingTrendCountsOnlyWithEnoughEvidenceAndAtOrBelowTheThreshold() {
        List<ThemeTrend> trends = List.of(
                new ThemeTrend(Theme.DATABASES, -7.5, true),
                new ThemeTrend(Theme.GIT, -5.0, true),
                new ThemeTrend(Theme.SECURITY, -4.9, true),
                new ThemeTrend(Theme.API_DESIGN, -20.0, false),
                new ThemeTrend(Theme.PORTFOLIO, null, true));

        assertThat(rules.reasons(daysAgo(30), daysAgo(1), trends, 7, NOW))
                .containsExactly(
                        "databases level fell 7.5 level points over 28 days",
                        "git level fell 5.0 level points over 28 days");
    }

    @Test
    void aThresholdThatIsNotNegativeOrDaysOutOfRangeAreRejectedAtStartUp() {
        assertThatThrownBy(() -> new AtRiskRules(7, 0, Duration.ofDays(28)))
                .hasMessageContaining("falling-trend-points");
        assertThatThrownBy(() -> new AtRiskRules(0, -5, Duration.ofDays(28)))
                .hasMessageContaining("inactive-after-days");
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(days, ChronoUnit.DAYS);
    }
}
