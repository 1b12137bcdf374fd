package dev.practicetracker.query.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.practicetracker.events.Theme;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PracticeSchedulerTest {

    private static final Instant START = Instant.parse("2024-11-01T10:00:00Z");

    private final PracticeScheduler scheduler = new PracticeScheduler();

    @Test
    void pushes_the_due_date_further_out_after_good_answers_than_after_poor_ones() {
        List<PracticeAttempt> good = attempts(4.5, 4.5, 4.5);
        List<PracticeAttempt> poor = attempts(2.0, 2.0, 2.0);

        Instant now = day(10);
        assertThat(scheduler.dueAt(good, now)).isAfter(scheduler.dueAt(poor, now));
        assertThat(scheduler.dueAt(poor, now)).isEqualTo(day(6).plus(Duration.ofDays(1)));
    }

    @Test
    void grows_the_gap_by_the_ease_factor_after_each_good_answer_and_resets_it_to_one_day_after_a_poor_one() {
        Instant now = day(100);

        assertThat(scheduler.dueAt(attempts(4.5), now)).isEqualTo(day(1));
        assertThat(scheduler.dueAt(attempts(4.5, 4.5), now)).isEqualTo(day(3 + 6));
        Instant afterThird = scheduler.dueAt(attempts(4.5, 4.5, 4.5), now);
        assertThat(Duration.between(day(6), afterThird).toDays()).isGreaterThan(6 * 2);
        assertThat(scheduler.dueAt(attempts(4.5, 4.5, 4.5, 1.8), now)).isEqualTo(day(9 + 1));
    }

    @Test
    void keeps_the_current_gap_after_an_unrated_answer() {
        List<PracticeAttempt> attempts = List.of(
                new PracticeAttempt(day(0), 4.5), new PracticeAttempt(day(3), 4.5), new PracticeAttempt(day(5), null));

        assertThat(scheduler.dueAt(attempts, day(20))).isEqualTo(day(5 + 6));
    }

    @Test
    void ranks_all_thirteen_themes_with_never_practised_ones_due_now_and_above_well_answered_ones() {
        Instant now = day(20);
        ThemeHistory strong = new ThemeHistory(
                Theme.GIT,
                List.of(
                        new PracticeAttempt(day(12), 4.6),
                        new PracticeAttempt(day(15), 4.8),
                        new PracticeAttempt(day(19), 4.7)),
                estimate(88.0, 6.0, day(19)));

        List<PracticeRecommendation> plan = scheduler.recommend(List.of(strong), now);

        assertThat(plan).hasSize(Theme.values().length);
        assertThat(plan).extracting(PracticeRecommendation::theme).containsExactlyInAnyOrder(Theme.values());
        assertThat(plan).isSortedAccordingTo((a, b) -> Double.compare(b.priority(), a.priority()));
        assertThat(plan.get(plan.size() - 1).theme()).isEqualTo(Theme.GIT);
        PracticeRecommendation security = find(plan, Theme.SECURITY);
        assertThat(security.dueAt()).isEqualTo(now);
        assertThat(security.reason())
                .isEqualTo(
                        "New theme, waiting its turn: not practised yet; 2 new themes a day, and today's are taken.");
        assertThat(find(plan, Theme.COMMUNICATION).reason())
                .isEqualTo("New theme: not practised yet; start it today (2 new themes a day).");
        assertThat(security.priority()).isGreaterThan(find(plan, Theme.GIT).priority());
    }

    @Test
    void ranks_an_overdue_weak_theme_first_and_explains_it_with_level_days_and_dates() {
        Instant now = Instant.parse("2024-11-30T18:00:00Z");
        ThemeHistory weakOverdue = new ThemeHistory(
                Theme.DATABASES,
                List.of(new PracticeAttempt(Instant.parse("2024-11-21T08:00:00Z"), 2.4)),
                estimate(38.0, 12.0, Instant.parse("2024-11-21T08:00:00Z")));
        ThemeHistory middling = new ThemeHistory(
                Theme.API_DESIGN,
                List.of(
                        new PracticeAttempt(Instant.parse("2024-11-20T08:00:00Z"), 3.6),
                        new PracticeAttempt(Instant.parse("2024-11-27T08:00:00Z"), 3.8)),
                estimate(66.0, 7.0, Instant.parse("2024-11-27T08:00:00Z")));
        ThemeHistory goodRecent = new ThemeHistory(
                Theme.COMMUNICATION,
                List.of(
                        new PracticeAttempt(Instant.parse("2024-11-18T08:00:00Z"), 4.2),
                        new PracticeAttempt(Instant.parse("2024-11-22T08:00:00Z"), 4.4),
                        new PracticeAttempt(Instant.parse("2024-11-29T08:00:00Z"), 4.6)),
                estimate(84.0, 5.0, Instant.parse("2024-11-29T08:00:00Z")));
        ThemeHistory selfRatedOnly = new ThemeHistory(
                Theme.PORTFOLIO,
                List.of(new PracticeAttempt(Instant.parse("2024-11-28T08:00:00Z"), 4.0)),
                new SkillEstimate(
                        75.0,
                        24.0,
                        false,
                        null,
                        SkillEstimator.DEFAULT_TREND_WINDOW,
                        SkillEstimator.BASIS_SELF_ONLY,
                        1,
                        Instant.parse("2024-11-28T08:00:00Z"),
                        Map.of()));

        List<PracticeRecommendation> plan =
                scheduler.recommend(List.of(goodRecent, selfRatedOnly, middling, weakOverdue), now);

        plan.forEach(recommendation -> System.out.printf(
                "%-16s priority %.3f  %s%n",
                recommendation.theme().id(), recommendation.priority(), recommendation.reason()));
        assertThat(plan.get(0).theme()).isEqualTo(Theme.DATABASES);
        assertThat(plan.get(0).reason())
                .isEqualTo("Weak spot: level 38/100 (±12) is among your lowest; last practised 9 days ago (scored"
                        + " 2.4/5); due since 2024-11-22.");
        assertThat(find(plan, Theme.COMMUNICATION).reason())
                .isEqualTo(
                        "On track: level 84/100 (±5); last practised 1 day ago (scored 4.6/5); next due 2024-12-14, in 13"
                                + " days.");
        assertThat(find(plan, Theme.PORTFOLIO).reason())
                .startsWith("Due for review: level 75/100 (±24) from self-ratings only")
                .contains("provisional on 1 rating;")
                .contains("last practised 2 days ago");
        assertThat(plan.indexOf(find(plan, Theme.DATABASES)))
                .isLessThan(plan.indexOf(find(plan, Theme.API_DESIGN)))
                .isLessThan(plan.indexOf(find(plan, Theme.COMMUNICATION)));
    }

    @Test
    void puts_a_falling_practised_theme_above_every_never_practised_one_even_before_spacing_says_it_is_due() {
        Instant now = day(30);
        ThemeHistory falling = new ThemeHistory(
                Theme.DATABASES,
                List.of(
                        new PracticeAttempt(day(20), 4.2),
                        new PracticeAttempt(day(24), 4.0),
                        new PracticeAttempt(day(28), 3.6)),
                new SkillEstimate(
                        62.0,
                        7.0,
                        true,
                        -14.0,
                        SkillEstimator.DEFAULT_TREND_WINDOW,
                        SkillEstimator.BASIS_COACH_AND_PEER,
                        9,
                        day(28),
                        Map.of()));

        List<PracticeRecommendation> plan = scheduler.recommend(List.of(falling), now);

        assertThat(plan.get(0).theme()).isEqualTo(Theme.DATABASES);
        assertThat(plan.get(0).dueAt()).isAfter(now);
        assertThat(plan.get(0).reason())
                .startsWith("Slipping, down 14 points over the last 28 days: level 62/100 (±7)");
    }

    @Test
    void does_not_call_a_drop_within_the_levels_own_uncertainty_a_fall() {
        ThemeHistory noisy = new ThemeHistory(
                Theme.DATABASES,
                List.of(new PracticeAttempt(day(20), 4.2), new PracticeAttempt(day(28), 4.0)),
                new SkillEstimate(
                        62.0,
                        12.0,
                        true,
                        -8.0,
                        SkillEstimator.DEFAULT_TREND_WINDOW,
                        SkillEstimator.BASIS_COACH_AND_PEER,
                        6,
                        day(28),
                        Map.of()));

        PracticeRecommendation databases = find(scheduler.recommend(List.of(noisy), day(30)), Theme.DATABASES);

        assertThat(databases.reason()).startsWith("On track");
    }

    @Test
    void introduces_two_never_practised_themes_a_day_and_counts_those_started_in_the_last_day() {
        List<PracticeRecommendation> fresh = scheduler.recommend(List.of(), day(0));

        assertThat(fresh.subList(0, 2))
                .extracting(PracticeRecommendation::theme)
                .containsExactly(Theme.values()[0], Theme.values()[1]);
        assertThat(fresh.subList(0, 2))
                .allSatisfy(item -> assertThat(item.reason()).startsWith("New theme: "));
        assertThat(fresh.subList(2, fresh.size()))
                .allSatisfy(item -> assertThat(item.reason()).startsWith("New theme, waiting its turn"));

        Instant now = day(1);
        List<ThemeHistory> startedToday = List.of(
                new ThemeHistory(
                        Theme.GIT,
                        List.of(new PracticeAttempt(now.minus(Duration.ofHours(3)), 3.0)),
                        estimate(50, 20, now)),
                new ThemeHistory(
                        Theme.SECURITY,
                        List.of(new PracticeAttempt(now.minus(Duration.ofHours(2)), 4.0)),
                        estimate(75, 20, now)));
        List<PracticeRecommendation> later = scheduler.recommend(startedToday, now);

        assertThat(later)
                .filteredOn(item -> item.reason().startsWith("New theme: "))
                .isEmpty();
    }

    @Test
    void weighs_a_theme_due_by_spacing_against_new_themes_and_puts_both_above_themes_on_track() {
        Instant now = day(20);
        ThemeHistory overdueMiddling = new ThemeHistory(
                Theme.API_DESIGN,
                List.of(new PracticeAttempt(day(5), 3.6), new PracticeAttempt(day(7), 3.6)),
                estimate(45, 8, day(7)));
        ThemeHistory dueButStrong =
                new ThemeHistory(Theme.DEBUGGING, List.of(new PracticeAttempt(day(18), 4.8)), estimate(85, 8, day(18)));
        ThemeHistory onTrack = new ThemeHistory(
                Theme.GIT,
                List.of(new PracticeAttempt(day(15), 4.6), new PracticeAttempt(day(18), 4.6)),
                estimate(90, 8, day(18)));

        List<PracticeRecommendation> plan = scheduler.recommend(List.of(overdueMiddling, dueButStrong, onTrack), now);

        assertThat(plan.get(0).theme()).isEqualTo(Theme.API_DESIGN);
        assertThat(plan.get(0).reason()).startsWith("Due for review: level 45/100 (±8)");
        assertThat(plan.get(1).reason()).startsWith("New theme: ");
        assertThat(plan.get(2).reason()).startsWith("New theme: ");
        assertThat(plan.get(3).theme()).isEqualTo(Theme.DEBUGGING);
        assertThat(plan.get(3).reason()).startsWith("Due for review: ");
        assertThat(plan.get(plan.size() - 1).theme()).isEqualTo(Theme.GIT);
        assertThat(plan.get(plan.size() - 1).reason()).startsWith("On track: ");
    }

    @Test
    void rejects_a_theme_given_twice() {
        assertThatThrownBy(() -> scheduler.recommend(
                        List.of(ThemeHistory.untouched(Theme.GIT), ThemeHistory.untouched(Theme.GIT)), day(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("git");
    }

    /** Answers three days apart, from day 0, with these rubric means. */
    private static List<PracticeAttempt> attempts(double... meanScores) {
        PracticeAttempt[] attempts = new PracticeAttempt[meanScores.length];
        for (int i = 0; i < meanScores.length; i++) {
            attempts[i] = new PracticeAttempt(day(3 * i), meanScores[i]);
        }
        return List.of(attempts);
    }

    private static SkillEstimate estimate(double level, double uncertainty, Instant lastRatedAt) {
        return new SkillEstimate(
                level,
                uncertainty,
                true,
                null,
                SkillEstimator.DEFAULT_TREND_WINDOW,
                SkillEstimator.BASIS_COACH_AND_PEER,
                5,
                lastRatedAt,
                Map.of());
    }

    private static PracticeRecommendation find(List<PracticeRecommendation> plan, Theme theme) {
        return plan.stream()
                .filter(recommendation -> recommendation.theme() == theme)
                .findFirst()
                .orElseThrow();
    }

    private static Instant day(int day) {
        return START.plus(Duration.ofDays(day));
    }
}
