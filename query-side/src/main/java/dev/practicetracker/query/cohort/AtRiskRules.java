package dev.practicetracker.query.cohort;

import dev.practicetracker.events.Theme;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When a coach should look at an enrolled candidate: they stopped practising, or a well-evidenced level is falling.
 * Each reason is written out with its numbers and units, so the coach need not look anything up to act on it.
 *
 * <p>Days are whole days elapsed (rounded down), the same count the threshold is compared with, so "no practice for 7
 * days" never appears under a threshold of 8. A falling trend only counts with enough evidence: a provisional level
 * moves a lot on one rating, and flagging that would teach coaches to ignore the list.
 */
final class AtRiskRules {

    static final int MIN_INACTIVE_DAYS = 1;
    static final int MAX_INACTIVE_DAYS = 365;

    private final int defaultInactiveDays;
    private final double fallingTrendLevelPoints;
    private final Duration trendWindow;

    /**
     * @param defaultInactiveDays days without practice after which a candidate is at risk, unless a request says
     *     otherwise; 1 to 365
     * @param fallingTrendLevelPoints a trend at or below this, in level points over the trend window, is falling; must
     *     be negative, or a steady candidate would count as falling
     * @param trendWindow the window the stored trends are measured over
     */
    AtRiskRules(int defaultInactiveDays, double fallingTrendLevelPoints, Duration trendWindow) {
        if (defaultInactiveDays < MIN_INACTIVE_DAYS || defaultInactiveDays > MAX_INACTIVE_DAYS) {
            throw new IllegalArgumentException("tracker.cohort.inactive-after-days must be from " + MIN_INACTIVE_DAYS
                    + " to " + MAX_INACTIVE_DAYS + ", was " + defaultInactiveDays);
        }
        if (!(fallingTrendLevelPoints < 0)) {
            throw new IllegalArgumentException(
                    "tracker.cohort.falling-trend-points must be negative, was " + fallingTrendLevelPoints);
        }
        this.defaultInactiveDays = defaultInactiveDays;
        this.fallingTrendLevelPoints = fallingTrendLevelPoints;
        this.trendWindow = trendWindow;
    }

    int defaultInactiveDays() {
        return defaultInactiveDays;
    }

    double fallingTrendLevelPoints() {
        return fallingTrendLevelPoints;
    }

    long trendWindowDays() {
        return trendWindow.toDays();
    }

    /** A theme's stored standing as the rules need it: {@code trend} in level points, null when unknown. */
    record ThemeTrend(Theme theme, Double trend, boolean enoughEvidence) {}

    /**
     * Why the candidate is at risk at {@code now}, empty when they are not. {@code lastPractisedAt} is their latest
     * answer anywhere (null when none); practice before {@code enrolledAt} does not count as practice in the cohort.
     */
    List<String> reasons(
            Instant enrolledAt, Instant lastPractisedAt, List<ThemeTrend> themes, int inactiveDays, Instant now) {
        List<String> reasons = new ArrayList<>();
        if (lastPractisedAt != null && !lastPractisedAt.isBefore(enrolledAt)) {
            long idle = wholeDays(lastPractisedAt, now);
            if (idle >= inactiveDays) {
                reasons.add("no practice for " + days(idle));
            }
        } else {
            long enrolled = wholeDays(enrolledAt, now);
            if (enrolled >= inactiveDays) {
                reasons.add(
                        lastPractisedAt == null
                                ? "no practice since enrolling " + days(enrolled) + " ago"
                                : "no practice since enrolling " + days(enrolled) + " ago (last practice "
                                        + days(wholeDays(lastPractisedAt, now)) + " ago)");
            }
        }
        for (ThemeTrend theme : themes) {
            if (theme.enoughEvidence() && theme.trend() != null && theme.trend() <= fallingTrendLevelPoints) {
                reasons.add(String.format(
                        Locale.ROOT,
                        "%s level fell %.1f level points over %s",
                        theme.theme().id(),
                        -theme.trend(),
                        days(trendWindowDays())));
            }
        }
        return reasons;
    }

    private static long wholeDays(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toDays());
    }

    private static String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }
}
