package dev.practicetracker.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the README promises of {@code ./run --demo}, checked where a person would notice it: the app started from its
 * jar with the demo switch on a fresh database, then the coach's and the candidates' pages in a real browser.
 */
@Chromium.OnTheDemoApp
class DemoBrowserIT extends Chromium {

    private static final String PASSWORD = "demo-password";
    private static final List<String> CANDIDATES =
            List.of("Amara Okafor", "Bruno Silva", "Chloe Martin", "Dmitri Ivanov", "Esra Yilmaz", "Femi Adeyemi");
    private static final Pattern DAYS_AGO = Pattern.compile("(\\d+) days? ago");
    private static final Pattern NO_PRACTICE_FOR = Pattern.compile("no practice for (\\d+) days");

    /** Runs after {@link Chromium#launch}, which started the demo app for this class. */
    @BeforeAll
    static void awaitTheReadSide() {
        // Readiness waits for the seeding; the read side follows it closely, not at once.
        String coach = app.api.token("demo-coach", PASSWORD);
        app.api.await(
                coach,
                "/api/cohorts/demo-cohort/overview?size=100",
                overview -> overview.get("enrolled").asInt() == CANDIDATES.size()
                        && StreamSupport.stream(
                                        overview.get("roster").get("items").spliterator(), false)
                                .allMatch(m -> m.hasNonNull("lastPractisedAt"))
                        && !overview.get("atRisk").isEmpty());
        app.api.await(
                coach,
                "/api/coaches/demo-coach/review-queue?size=100",
                queue -> queue.get("totalItems").asInt() > 0);
    }

    @Test
    void theCoachSeesTheCohortWithLevelsEsraAtRiskForInactivityAndAnswersWaitingForReview() {
        Page coach = desk();
        logIn(coach, "demo-coach", PASSWORD, null);
        assertThat(coach).hasURL(Pattern.compile("/coach\\.html$"));
        assertThat(coach.locator("#cohort")).containsText("Back-end interview prep (demo) (6 enrolled)");

        Locator rows = coach.locator("#cohort-grid tbody tr");
        assertThat(rows).hasCount(CANDIDATES.size());
        List<String> names = rows.locator("th a").allTextContents();
        assertThat(names).containsExactlyInAnyOrderElementsOf(CANDIDATES);
        for (int i = 0; i < CANDIDATES.size(); i++) {
            Locator row = rows.nth(i);
            List<String> levels = row.locator("td .gmark").allTextContents().stream()
                    .filter(text -> text.matches("\\d+\\*?[↑↓→]?"))
                    .toList();
            assertThat(levels)
                    .as("levels of %s in the cohort grid", row.locator("th a").textContent())
                    .hasSizeGreaterThanOrEqualTo(5);
        }
        assertThat(coach.locator("#cohort-grid tfoot")).containsText("±");
        // Six weeks of history give trends: each cell with one shows its mark and says it in words.
        Locator trended = coach.locator(
                "#cohort-grid td[data-direction=rising], #cohort-grid td[data-direction=falling], #cohort-grid td[data-direction=flat]");
        assertThat(trended.count()).as("cells with a trend mark").isGreaterThan(0);
        assertThat(trended.first().locator(".trend")).hasText(Pattern.compile("[↑↓→]"));
        assertThat(trended.first().locator(".sr-only")).containsText(Pattern.compile("rising|falling|flat"));
        screenshot(coach, "20-demo-coach-cohort");

        // The rules flag no practice for 7 days or more, or a well-evidenced level falling 5 points or more over
        // 28 days. Esra stopped three weeks ago; Dmitri stalls (flat, not falling) and practised yesterday: not
        // flagged.
        Locator atRisk = coach.locator("#at-risk li");
        assertThat(atRisk).hasCount(1);
        assertThat(atRisk.first()).containsText("Esra Yilmaz");
        assertThat(atRisk.first()).containsText("no practice for");
        Matcher idle = NO_PRACTICE_FOR.matcher(atRisk.first().textContent());
        assertThat(idle.find()).as("an inactivity reason with its days").isTrue();
        assertThat(Integer.parseInt(idle.group(1))).as("days without practice").isBetween(21, 28);
        assertThat(coach.locator("#at-risk")).not().containsText("Dmitri");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("Esra Yilmaz")))
                .containsText("at risk");

        // Her drill-down, from the at-risk list, says when she last practised.
        atRisk.first().getByRole(AriaRole.LINK).click();
        assertThat(coach.locator("h1")).hasText("Progress of Esra Yilmaz");
        assertThat(coach.locator("#last-practice")).containsText("days ago");
        int esraDays = daysAgo(coach.locator("#last-practice").textContent());
        assertThat(esraDays).as("Esra's last practice, in days").isBetween(21, 28);
        assertThat(coach.locator("#levels tbody tr").count()).isGreaterThanOrEqualTo(3);
        screenshot(coach, "21-demo-coach-esra-inactive");

        // The last days' answers wait for the coach, from every candidate who practised in them.
        coach.navigate("/coach.html");
        coach.getByText("Go to the review queue").click();
        assertThat(coach.locator("#queue-count")).containsText("waiting");
        int waiting =
                Integer.parseInt(coach.locator("#queue-count").textContent().replaceAll("^(\\d+) waiting.*$", "$1"));
        assertThat(waiting).as("answers waiting for review").isGreaterThanOrEqualTo(10);
        assertThat(coach.locator("#answer-text")).not().isEmpty();
        screenshot(coach, "22-demo-coach-review-queue");
        Set<String> from = new LinkedHashSet<>();
        for (int i = 0; i < waiting; i++) {
            from.add(coach.locator("#answer-text")
                    .locator("xpath=..")
                    .getByRole(AriaRole.LINK)
                    .textContent());
            if (i < waiting - 1) {
                coach.getByText("Skip for now").click();
            }
        }
        assertThat(from)
                .as("whose answers wait in the queue")
                .containsExactlyInAnyOrder(
                        "Amara Okafor", "Bruno Silva", "Chloe Martin", "Dmitri Ivanov", "Femi Adeyemi");
    }

    @Test
    void amaraSeesSeveralThemesWithLevelsChartsOverSixWeeksAndARisingTrend() {
        Page amara = desk();
        logIn(amara, "demo-amara", PASSWORD, null);
        assertThat(amara.locator("h1")).hasText("My progress");
        Locator themes = amara.locator("#levels tbody tr");
        assertThat(themes.first()).isVisible();
        long withLevels = themes.all().stream()
                .filter(row -> !row.getAttribute("data-level").isEmpty())
                .count();
        assertThat(withLevels).as("themes with a level").isGreaterThanOrEqualTo(6);

        List<Double> trends = new ArrayList<>();
        for (String text : amara.locator("#levels td[data-label=Trend]").allTextContents()) {
            if (!text.equals("—")) {
                trends.add(Double.parseDouble(text));
            }
        }
        assertThat(trends.stream().filter(t -> t >= 5).count())
                .as("themes rising 5 level points or more over 28 days: %s", trends)
                .isGreaterThanOrEqualTo(3);
        assertThat(trends).as("no theme falling").allMatch(t -> t > -5);

        assertThat(amara.locator("#multiples svg").first()).isVisible();
        amara.getByText("The charts as a table").click();
        Locator points = amara.locator("#over-time details tbody tr");
        assertThat(points.first()).isVisible();
        List<LocalDate> days = points.all().stream()
                .map(row -> LocalDate.parse(row.getAttribute("data-day")))
                .sorted()
                .toList();
        assertThat(days.stream().distinct().count()).as("days with ratings").isGreaterThanOrEqualTo(10);
        assertThat(ChronoUnit.DAYS.between(days.get(0), days.get(days.size() - 1)))
                .as("days from the first rating to the last")
                .isGreaterThan(28);
        amara.locator("#over-time summary").click();
        screenshot(amara, "23-demo-amara-progress");
    }

    @Test
    void brunoSeesHeRatesHimselfHigherThanHisCoach() {
        Page bruno = desk();
        logIn(bruno, "demo-bruno", PASSWORD, null);
        assertThat(bruno.locator("h1")).hasText("My progress");
        Locator rows = bruno.locator("#calibration tbody tr");
        assertThat(rows.first()).isVisible();
        int compared = 0;
        for (Locator row : rows.all()) {
            List<String> cells = row.locator("td").allTextContents();
            int pairs = Integer.parseInt(cells.get(0));
            if (pairs >= 3) {
                compared++;
                assertThat(Double.parseDouble(cells.get(1)))
                        .as("self minus coach in %s", row.locator("th").textContent())
                        .isGreaterThan(0.25);
                // A theme's few answers may not yet be enough to tell a habit from noise; it never says otherwise.
                assertThat(cells.get(2)).containsAnyOf("higher than the coach", "not clear yet");
            }
        }
        assertThat(compared).as("themes with 3 answers or more compared").isGreaterThanOrEqualTo(3);
        assertThat(bruno.locator("#calibration-overall")).containsText("rates themselves");
        assertThat(bruno.locator("#calibration-overall")).containsText("higher than the coach");
        bruno.locator("#calibration").scrollIntoViewIfNeeded();
        screenshot(bruno, "24-demo-bruno-calibration");
    }

    @Test
    void esraSeesHerLastPracticeThreeWeeksAgoAndFemiOnlyTheWeeksSinceHeJoined() {
        Page esra = desk();
        logIn(esra, "demo-esra", PASSWORD, null);
        assertThat(esra.locator("#last-practice")).containsText("days ago");
        assertThat(daysAgo(esra.locator("#last-practice").textContent()))
                .as("Esra's last practice, in days")
                .isBetween(21, 28);
        screenshot(esra, "25-demo-esra-progress");

        Page femi = desk();
        logIn(femi, "demo-femi", PASSWORD, null);
        assertThat(femi.locator("#levels tbody tr").first()).isVisible();
        assertThat(daysAgo(femi.locator("#last-practice").textContent())).isLessThanOrEqualTo(2);
        femi.getByText("The charts as a table").click();
        List<LocalDate> days = femi.locator("#over-time details tbody tr").all().stream()
                .map(row -> LocalDate.parse(row.getAttribute("data-day")))
                .sorted()
                .toList();
        assertThat(days).isNotEmpty();
        assertThat(ChronoUnit.DAYS.between(days.get(0), LocalDate.now(ZoneOffset.UTC)))
                .as("days since Femi's first rating")
                .isBetween(14L, 22L);
        screenshot(femi, "26-demo-femi-progress");
    }

    private static int daysAgo(String text) {
        if (text.contains("(less than a day ago)")) {
            return 0;
        }
        Matcher matcher = DAYS_AGO.matcher(text);
        assertThat(matcher.find()).as("\"N days ago\" in %s", text).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
