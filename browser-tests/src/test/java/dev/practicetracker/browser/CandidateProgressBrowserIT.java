package dev.practicetracker.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A demo candidate's progress page on a phone and on a desk: one small chart per theme on one scale instead of
 * thirteen lines in one, the five criteria per theme, one readiness figure with its basis, the coach's comments
 * without opening a session, and the reasons for a level's jump; nothing wider than the screen.
 */
@Chromium.OnTheDemoApp
class CandidateProgressBrowserIT extends Chromium {

    private static final String PASSWORD = "demo-password";

    @BeforeAll
    static void awaitTheReadSide() {
        String coach = app.api.token("demo-coach", PASSWORD);
        app.api.await(
                coach,
                "/api/coaches/demo-coach/review-queue?size=100",
                queue -> queue.get("totalItems").asInt() > 0);
        app.api.await(
                coach,
                "/api/candidates/demo-amara/criteria",
                criteria -> criteria.get("themes").size() >= 6);
    }

    @Test
    void onAPhoneTheProgressPageFitsTheScreenWithOneSmallChartPerTheme() {
        for (Page page : List.of(phone(), desk())) {
            logIn(page, "demo-amara", PASSWORD, null);
            assertThat(page.locator("h1")).hasText("My progress");
            Locator charts = page.locator("#multiples li");
            assertThat(charts.first()).isVisible();
            assertThat(charts.count()).as("one chart per practised theme").isGreaterThanOrEqualTo(6);
            for (Locator chart : charts.all()) {
                assertThat(chart.locator("svg"))
                        .hasAttribute(
                                "aria-label",
                                java.util.regex.Pattern.compile("level \\d+ on .*, \\d+ on .*|no level yet"));
                // Every chart on the same scale: 0, 50 and 100 level points up the side.
                assertThat(chart.locator("svg text.axis").allTextContents()).contains("0", "50", "100");
            }
            int width = page.viewportSize().width;
            assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                    .as("the page's width at %d px", width)
                    .isLessThanOrEqualTo(width);
            Locator next = page.getByRole(
                    com.microsoft.playwright.options.AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName("What to practise next"));
            next.scrollIntoViewIfNeeded();
            BoundingBox box = page.locator("#next").boundingBox();
            assertThat(box.x + box.width)
                    .as("\"What to practise next\" within the screen")
                    .isLessThanOrEqualTo(width);
            screenshot(page, "30-demo-amara-progress-" + width);
        }
    }

    @Test
    void theCandidateSeesCriteriaPerThemeAReadinessFigureWithItsBasisAndTheCoachsComments() {
        Page page = phone();
        logIn(page, "demo-amara", PASSWORD, null);
        Locator rows = page.locator("#criteria tbody tr");
        assertThat(rows.first()).isVisible();
        assertThat(rows.count()).isGreaterThanOrEqualTo(6);
        for (Locator row : rows.all()) {
            Locator cells = row.locator("td[data-criterion]");
            assertThat(cells).hasCount(5);
            for (String text : cells.allTextContents()) {
                String coach = text.replaceAll("self.*$", "").trim();
                if (!coach.equals("—")) {
                    assertThat(Double.parseDouble(coach)).isBetween(1.0, 5.0);
                }
            }
        }
        // Amara's impact is the weak spot the demo gives every candidate: the page shows it per criterion.
        assertThat(page.locator("#criteria thead")).containsText("Impact");

        JsonNode readiness = app.api.get(app.api.token("demo-amara", PASSWORD), "/api/candidates/demo-amara/readiness");
        assertThat(page.locator("#readiness-figure"))
                .hasText(Math.round(readiness.get("readiness").asDouble()) + " of 100 level points");
        assertThat(page.locator("#readiness-basis")).containsText("mean of the levels of all 13 themes");
        assertThat(page.locator("#readiness-basis")).containsText("a theme without a level yet counts as 0");

        Locator comments = page.locator("#comments li");
        assertThat(comments.first()).isVisible();
        assertThat(comments.first()).containsText("coach");
        assertThat(page.locator("#comments")).isVisible();
        assertThat(page.locator("#sessions details[open]")).hasCount(0);
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(375);
        page.locator("#criteria").scrollIntoViewIfNeeded();
        screenshot(page, "31-demo-amara-criteria-375");
    }

    @Test
    void aJumpOfALevelIsExplainedWithTheReasonsTheApiGives() {
        String coach = app.api.token("demo-coach", PASSWORD);
        String candidate = null;
        JsonNode jumps = null;
        for (String id : List.of("demo-amara", "demo-bruno", "demo-chloe", "demo-dmitri", "demo-esra", "demo-femi")) {
            JsonNode theirs =
                    app.api.get(coach, "/api/candidates/" + id + "/jumps").get("jumps");
            if (jumps == null || theirs.size() > jumps.size()) {
                candidate = id;
                jumps = theirs;
            }
        }
        assertThat(jumps.size())
                .as("jumps in the demo's history: its first ratings of a theme move a level a lot")
                .isPositive();
        Page page = desk();
        logIn(page, candidate, PASSWORD, null);
        assertThat(page.locator("#jumps ul.jumps > li")).hasCount(jumps.size());
        for (JsonNode jump : jumps) {
            Locator item =
                    page.locator("#jumps li[data-theme=\"" + jump.get("theme").asText() + "\"][data-day=\""
                            + jump.get("day").asText() + "\"]");
            assertThat(item)
                    .containsText(Math.round(jump.get("from").asDouble()) + " → "
                            + Math.round(jump.get("to").asDouble()) + " level points");
            assertThat(jump.get("reasons").size()).isPositive();
            for (JsonNode reason : jump.get("reasons")) {
                assertThat(item).containsText(reason.asText());
            }
        }
        page.locator("#jumps").scrollIntoViewIfNeeded();
        screenshot(page, "32-demo-jumps");
    }

    @Test
    void theWeeklyGoalCountsSessionsPerWeekSoAMissedDayBreaksNothing() {
        for (Page page : List.of(phone(), desk())) {
            logIn(page, "demo-amara", PASSWORD, null);
            assertThat(page.locator("#weekly-now")).hasText(java.util.regex.Pattern.compile("^This week: \\d+ of 3$"));
            assertThat(page.locator("#weekly ol.weeks > li")).hasCount(8);
            // Amara practises twice a week, never on every day: a target of one a week she has met for weeks on end.
            page.getByLabel("My target").selectOption("1");
            assertThat(page.locator("#weekly-now")).hasText(java.util.regex.Pattern.compile("^This week: \\d+ of 1$"));
            int streak = Integer.parseInt(
                    page.locator("#weekly-streak").textContent().replaceAll("\\D", ""));
            assertThat(streak).as("weeks in a row with at least one session").isGreaterThanOrEqualTo(5);
            page.getByLabel("My target").selectOption("7");
            assertThat(page.locator("#weekly-streak")).hasText("Weeks in a row on target: 0.");
            assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo(page.viewportSize().width);
            page.getByLabel("My target").selectOption("2");
            page.locator("#weekly").scrollIntoViewIfNeeded();
            screenshot(page, "33-demo-amara-weekly-goal-" + page.viewportSize().width);
        }
    }
}
