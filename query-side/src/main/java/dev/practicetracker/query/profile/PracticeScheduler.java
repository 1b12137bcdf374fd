package dev.practicetracker.query.profile;

import dev.practicetracker.events.Theme;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Decides what a candidate should practise next: all themes, ranked, each with a due date and a one-sentence reason.
 *
 * <p><b>Spacing.</b> Each theme is scheduled like a card in a spaced-repetition tool, following the SM-2 algorithm.
 * A rated answer's rubric mean (1 to 5) maps linearly onto the SM-2 answer quality 0 to 5. An answer of quality at
 * least {@value #GOOD_ANSWER_MIN_QUALITY} (a rubric mean of 3.4 or more) is good: the gap until the theme is due again
 * becomes {@value #FIRST_INTERVAL_DAYS} day after the first good answer in a row, {@value #SECOND_INTERVAL_DAYS} days
 * after the second, and from then on the previous gap times the theme's ease factor. A poor answer resets the gap to
 * {@value #FIRST_INTERVAL_DAYS} day. After every rated answer the ease factor (starting at {@value
 * #INITIAL_EASE_FACTOR}, never below {@value #MIN_EASE_FACTOR}) is adjusted by SM-2's rule, rising after perfect
 * answers and falling after weak ones. An unrated answer counts as practice, so the current gap runs again from its
 * date, but it changes neither the run of good answers nor the ease factor. The theme is due its last answer plus the
 * gap. A theme never practised is due now. Answers after the current instant are ignored.
 *
 * <p><b>Ranking.</b> Like a spaced-repetition deck that shows due reviews and a limited number of new cards a day,
 * each theme falls into one group, and the groups come in this order:
 *
 * <ol>
 *   <li><em>Slipping</em>: practised, and weak (level at most {@value #WEAK_LEVEL_POINTS}) or falling (the trend is
 *       at least {@value #FALLING_TREND_LEVEL_POINTS} level points down and larger than the level's uncertainty, so
 *       not just noise), whether or not spacing says it is due.
 *   <li><em>Due or new today</em>: practised themes due by spacing, and never-practised themes up to {@value
 *       #NEW_THEMES_PER_DAY} new themes a day (a theme whose first answer was in the last 24 hours uses up one of
 *       them). A new theme counts as urgency {@value #NEW_THEME_URGENCY}: below a due theme that is overdue and
 *       middling, above one answered well.
 *   <li><em>New later</em>: never practised, beyond today's pace.
 *   <li><em>On track</em>: practised, not slipping and not yet due.
 * </ol>
 *
 * <p>So a falling or weak theme is never buried under unexplored ones, and unexplored themes arrive a few a day instead
 * of all at once. Within a group themes are ordered by urgency, new themes among themselves by the theme order:
 *
 * <pre>
 * urgency  = WEIGHT_OVERDUE     × overdue
 *          + WEIGHT_LOW_LEVEL   × (100 − level) / 100
 *          + WEIGHT_UNCERTAINTY × min(uncertainty, UNCERTAINTY_SATURATION_LEVEL_POINTS) / UNCERTAINTY_SATURATION_LEVEL_POINTS
 *          + WEIGHT_STALENESS   × min(days since last practice, STALENESS_SATURATION_DAYS) / STALENESS_SATURATION_DAYS
 * overdue  = (1 + clamp(days past due, −OVERDUE_SATURATION_DAYS, +OVERDUE_SATURATION_DAYS) / OVERDUE_SATURATION_DAYS) / 2
 * </pre>
 *
 * with weights {@value #WEIGHT_OVERDUE}, {@value #WEIGHT_LOW_LEVEL}, {@value #WEIGHT_UNCERTAINTY} and {@value
 * #WEIGHT_STALENESS} (summing to 1), {@value #UNCERTAINTY_SATURATION_LEVEL_POINTS} level points, {@value
 * #STALENESS_SATURATION_DAYS} days and {@value #OVERDUE_SATURATION_DAYS} days. A theme with no rating counts as level
 * {@value SkillEstimator#PRIOR_LEVEL_POINTS} with the prior uncertainty. The reported priority, 0 to 1, is the group
 * (slipping 0.75 to 1, due or new today 0.5 to 0.75, new later 0.25 to 0.5, on track 0 to 0.25) plus a quarter of the
 * urgency. Ties go to the earlier due date, then to the theme order.
 *
 * <p><b>Reasons.</b> Each reason is one sentence that starts with the group in words ("Slipping", "Weak spot", "Due
 * for review", "New theme", "On track") and then gives the level (±uncertainty), days since last practice and the
 * due date, for example "Weak spot: level 38/100 (±12) is among your lowest; last practised 9 days ago (scored
 * 2.4/5); due since 2024-11-22." A level is "among your lowest" when it is among the lowest quarter of the rated
 * themes' levels (at most the {@value #LOWEST_LEVELS_MENTIONED} lowest), once at least four themes have a level. Dates
 * are ISO dates (yyyy-MM-dd) of the UTC calendar, to stay independent of the reader's time zone.
 */
public final class PracticeScheduler {

    /** SM-2 ease factor of a theme before any rated answer (the gap multiplier). */
    public static final double INITIAL_EASE_FACTOR = 2.5;

    /** SM-2 floor on the ease factor. */
    public static final double MIN_EASE_FACTOR = 1.3;

    /** Gap after the first good answer in a row, and after any poor answer, in days. */
    public static final int FIRST_INTERVAL_DAYS = 1;

    /** Gap after the second good answer in a row, in days. */
    public static final int SECOND_INTERVAL_DAYS = 6;

    /** Lowest SM-2 answer quality (0 to 5) that counts as a good answer; a rubric mean of 3.4. */
    public static final double GOOD_ANSWER_MIN_QUALITY = 3.0;

    /** Days past (or before) the due date at which the overdue term saturates, in days. */
    public static final double OVERDUE_SATURATION_DAYS = 7.0;

    /** Days since last practice at which the staleness term saturates, in days. */
    public static final double STALENESS_SATURATION_DAYS = 60.0;

    /** Uncertainty at which the uncertainty term saturates, in level points (the estimator's prior deviation). */
    public static final double UNCERTAINTY_SATURATION_LEVEL_POINTS = SkillEstimator.PRIOR_STD_LEVEL_POINTS;

    /** Highest level, in level points, at which a practised theme counts as weak (a rubric mean of 2.6). */
    public static final double WEAK_LEVEL_POINTS = 40.0;

    /** Smallest fall over the trend window, in level points, that counts as falling (beyond its uncertainty). */
    public static final double FALLING_TREND_LEVEL_POINTS = 5.0;

    /** How many never-practised themes are introduced per day, like new cards per day in a spaced-repetition deck. */
    public static final int NEW_THEMES_PER_DAY = 2;

    /** Urgency of a never-practised theme within the day's pace, against a due theme's urgency (0 to 1). */
    public static final double NEW_THEME_URGENCY = 0.6;

    /** Weight of overdue-ness in the urgency. */
    public static final double WEIGHT_OVERDUE = 0.40;

    /** Weight of a low level in the priority. */
    public static final double WEIGHT_LOW_LEVEL = 0.30;

    /** Weight of high uncertainty in the urgency. */
    public static final double WEIGHT_UNCERTAINTY = 0.15;

    /** Weight of staleness in the urgency. */
    public static final double WEIGHT_STALENESS = 0.15;

    /** At most how many of the lowest-level themes a reason calls "among your lowest". */
    public static final int LOWEST_LEVELS_MENTIONED = 3;

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    /**
     * Ranks all themes for one candidate at {@code now}. Themes missing from {@code histories} count as never practised
     * and never rated; a theme given twice is rejected.
     */
    public List<PracticeRecommendation> recommend(Collection<ThemeHistory> histories, Instant now) {
        Objects.requireNonNull(histories, "histories");
        Objects.requireNonNull(now, "now");
        Map<Theme, ThemeHistory> byTheme = new EnumMap<>(Theme.class);
        for (ThemeHistory history : histories) {
            if (byTheme.put(history.theme(), history) != null) {
                throw new IllegalArgumentException(
                        "theme given twice: " + history.theme().id());
            }
        }
        for (Theme theme : Theme.values()) {
            byTheme.putIfAbsent(theme, ThemeHistory.untouched(theme));
        }
        double lowestLevelsCutoff = lowestLevelsCutoff(byTheme.values());
        int newToday = Math.max(0, NEW_THEMES_PER_DAY - themesStartedInTheLastDay(byTheme.values(), now));

        List<PracticeRecommendation> ranked = new ArrayList<>();
        for (ThemeHistory history : byTheme.values()) {
            Spacing spacing = Spacing.of(history.attempts(), now);
            boolean newTheme = spacing.lastAttempt == null;
            boolean withinPace = newTheme && newToday > 0;
            if (withinPace) {
                newToday--;
            }
            ranked.add(recommendOne(history, spacing, now, lowestLevelsCutoff, withinPace));
        }
        ranked.sort(Comparator.comparingDouble(PracticeRecommendation::priority)
                .reversed()
                .thenComparing(PracticeRecommendation::dueAt)
                .thenComparing(PracticeRecommendation::theme));
        return List.copyOf(ranked);
    }

    /** When a theme with these answers is next due, by the SM-2 spacing described above; {@code now} if none. */
    public Instant dueAt(List<PracticeAttempt> attempts, Instant now) {
        Spacing spacing = Spacing.of(attempts, now);
        return spacing.lastAttempt == null ? now : spacing.dueAt();
    }

    /** The groups of the ranking, highest first; see the class comment. */
    private enum Group {
        SLIPPING,
        DUE_OR_NEW_TODAY,
        NEW_LATER,
        ON_TRACK;

        double priority(double urgency) {
            int groups = values().length;
            return (groups - 1 - ordinal() + Math.max(0.0, Math.min(1.0, urgency))) / groups;
        }
    }

    private PracticeRecommendation recommendOne(
            ThemeHistory history, Spacing spacing, Instant now, double lowestLevelsCutoff, boolean newWithinPace) {
        SkillEstimate estimate = history.estimate();
        if (spacing.lastAttempt == null) {
            Group group = newWithinPace ? Group.DUE_OR_NEW_TODAY : Group.NEW_LATER;
            String reason = newWithinPace
                    ? "New theme: not practised yet; start it today (" + NEW_THEMES_PER_DAY + " new themes a day)."
                    : "New theme, waiting its turn: not practised yet; " + NEW_THEMES_PER_DAY
                            + " new themes a day, and today's are taken.";
            return new PracticeRecommendation(history.theme(), now, group.priority(NEW_THEME_URGENCY), reason);
        }
        Instant dueAt = spacing.dueAt();
        double daysOverdue = days(dueAt, now);
        double overdue = (1.0
                        + Math.max(-OVERDUE_SATURATION_DAYS, Math.min(OVERDUE_SATURATION_DAYS, daysOverdue))
                                / OVERDUE_SATURATION_DAYS)
                / 2.0;
        double level = estimate.level() == null ? SkillEstimator.PRIOR_LEVEL_POINTS : estimate.level();
        double lowLevel = (100.0 - Math.max(0.0, Math.min(100.0, level))) / 100.0;
        double uncertainty = Math.min(estimate.uncertainty(), UNCERTAINTY_SATURATION_LEVEL_POINTS)
                / UNCERTAINTY_SATURATION_LEVEL_POINTS;
        double staleness =
                Math.min(days(spacing.lastAttempt.at(), now), STALENESS_SATURATION_DAYS) / STALENESS_SATURATION_DAYS;
        double urgency = WEIGHT_OVERDUE * overdue
                + WEIGHT_LOW_LEVEL * lowLevel
                + WEIGHT_UNCERTAINTY * uncertainty
                + WEIGHT_STALENESS * staleness;

        boolean falling = falling(estimate);
        boolean weak = estimate.level() != null && estimate.level() <= WEAK_LEVEL_POINTS;
        Group group;
        String lead;
        if (falling) {
            group = Group.SLIPPING;
            lead = String.format(
                    Locale.ROOT,
                    "Slipping, down %d points over the last %d days",
                    Math.round(-estimate.trend()),
                    estimate.trendWindow().toDays());
        } else if (weak) {
            group = Group.SLIPPING;
            lead = "Weak spot";
        } else if (!dueAt.isAfter(now)) {
            group = Group.DUE_OR_NEW_TODAY;
            lead = "Due for review";
        } else {
            group = Group.ON_TRACK;
            lead = "On track";
        }
        return new PracticeRecommendation(
                history.theme(),
                dueAt,
                group.priority(urgency),
                reason(lead, estimate, spacing, dueAt, now, lowestLevelsCutoff));
    }

    /** A fall beyond both the threshold and the level's own uncertainty, so that noise is not called a fall. */
    private static boolean falling(SkillEstimate estimate) {
        return estimate.level() != null
                && estimate.trend() != null
                && -estimate.trend() >= Math.max(FALLING_TREND_LEVEL_POINTS, estimate.uncertainty());
    }

    private static int themesStartedInTheLastDay(Collection<ThemeHistory> histories, Instant now) {
        Instant dayAgo = now.minus(Duration.ofDays(1));
        int started = 0;
        for (ThemeHistory history : histories) {
            Instant first = history.attempts().stream()
                    .map(PracticeAttempt::at)
                    .filter(at -> !at.isAfter(now))
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            if (first != null && first.isAfter(dayAgo)) {
                started++;
            }
        }
        return started;
    }

    private static String reason(
            String lead,
            SkillEstimate estimate,
            Spacing spacing,
            Instant dueAt,
            Instant now,
            double lowestLevelsCutoff) {
        List<String> parts = new ArrayList<>();
        if (estimate.level() != null) {
            StringBuilder level = new StringBuilder(String.format(
                    Locale.ROOT,
                    "level %d/100 (±%d)",
                    Math.round(estimate.level()),
                    Math.round(estimate.uncertainty())));
            if (SkillEstimator.BASIS_SELF_ONLY.equals(estimate.basis())) {
                level.append(" from self-ratings only");
            }
            if (estimate.level() <= lowestLevelsCutoff) {
                level.append(" is among your lowest");
            }
            if (!estimate.enoughEvidence()) {
                level.append(", provisional on ").append(count(estimate.ratingsCounted(), "rating"));
            }
            parts.add(level.toString());
        } else {
            parts.add("no rating yet");
        }

        long daysAgo = wholeDays(spacing.lastAttempt.at(), now);
        String score = spacing.lastAttempt.meanScore() == null
                ? "not rated"
                : String.format(Locale.ROOT, "scored %.1f/5", spacing.lastAttempt.meanScore());
        parts.add("last practised " + (daysAgo == 0 ? "today" : count(daysAgo, "day") + " ago") + " (" + score + ")");
        if (!dueAt.isAfter(now)) {
            parts.add(wholeDays(dueAt, now) == 0 ? "due today" : "due since " + isoDate(dueAt));
        } else {
            long daysAhead = wholeDays(now, dueAt);
            parts.add("next due " + isoDate(dueAt)
                    + (daysAhead == 0 ? ", later today" : ", in " + count(daysAhead, "day")));
        }
        return lead + ": " + String.join("; ", parts) + ".";
    }

    /** The highest level still among the lowest few, or negative infinity when too few themes have a level. */
    private static double lowestLevelsCutoff(Collection<ThemeHistory> histories) {
        double[] levels = histories.stream()
                .map(ThemeHistory::estimate)
                .filter(estimate -> estimate.level() != null)
                .mapToDouble(SkillEstimate::level)
                .sorted()
                .toArray();
        if (levels.length < 4) {
            return Double.NEGATIVE_INFINITY;
        }
        int mentioned = Math.min(LOWEST_LEVELS_MENTIONED, levels.length / 4);
        return levels[mentioned - 1];
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / MILLIS_PER_DAY;
    }

    private static long wholeDays(Instant from, Instant to) {
        return Duration.between(from, to).toDays();
    }

    private static String isoDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** SM-2 state of one theme after replaying its answers in order. */
    private static final class Spacing {
        private PracticeAttempt lastAttempt;
        private int goodInARow;
        private double easeFactor = INITIAL_EASE_FACTOR;
        private long intervalDays = FIRST_INTERVAL_DAYS;

        static Spacing of(List<PracticeAttempt> attempts, Instant now) {
            Spacing spacing = new Spacing();
            attempts.stream()
                    .filter(attempt -> !attempt.at().isAfter(now))
                    .sorted(Comparator.comparing(PracticeAttempt::at)
                            .thenComparing(
                                    PracticeAttempt::meanScore, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .forEachOrdered(spacing::apply);
            return spacing;
        }

        void apply(PracticeAttempt attempt) {
            lastAttempt = attempt;
            if (attempt.meanScore() == null) {
                return;
            }
            double quality = (attempt.meanScore() - 1.0) * 5.0 / 4.0;
            if (quality >= GOOD_ANSWER_MIN_QUALITY) {
                if (goodInARow == 0) {
                    intervalDays = FIRST_INTERVAL_DAYS;
                } else if (goodInARow == 1) {
                    intervalDays = SECOND_INTERVAL_DAYS;
                } else {
                    intervalDays = Math.max(1, Math.round(intervalDays * easeFactor));
                }
                goodInARow++;
            } else {
                goodInARow = 0;
                intervalDays = FIRST_INTERVAL_DAYS;
            }
            double shortfall = 5.0 - quality;
            easeFactor = Math.max(MIN_EASE_FACTOR, easeFactor + 0.1 - shortfall * (0.08 + shortfall * 0.02));
        }

        Instant dueAt() {
            return lastAttempt.at().plus(Duration.ofDays(intervalDays));
        }
    }
}
