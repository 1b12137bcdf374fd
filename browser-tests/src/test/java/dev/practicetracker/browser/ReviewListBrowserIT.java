package dev.practicetracker.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The review queue as a list: more answers than one page holds, filtered by candidate, theme and age, each shown with
 * the candidate's own rating, rated from the list with the keyboard.
 */
class ReviewListBrowserIT extends Chromium {

    static final Map<String, Integer> SCORES =
            Map.of("clarity", 2, "reasoning", 3, "technical-depth", 2, "structure", 3, "impact", 1);

    static String coach;
    static String coachId;
    static String ada;
    static String bob;

    @BeforeAll
    static void seedMoreAnswersThanOnePageHolds() {
        String admin = app.api.adminToken();
        coach = unique("coach");
        coachId = app.api.createAccount(admin, coach, "coach");
        String cohortId = app.api.createCohort(admin, "Review list " + coach, coachId);
        ada = unique("ada");
        bob = unique("bob");
        String adaId = app.api.createAccount(admin, ada, "candidate");
        String bobId = app.api.createAccount(admin, bob, "candidate");
        app.api.enrol(admin, cohortId, adaId);
        app.api.enrol(admin, cohortId, bobId);
        // 20 questions is a session's most; 20 + 7 from Ada, the first self-rated; 1 in Portfolio from Bob.
        List<String> adasThemes = List.of("databases", "security", "debugging", "fundamentals");
        answerAll(ada, cohortId, adasThemes, 20, true);
        answerAll(ada, cohortId, adasThemes, 7, false);
        answerAll(bob, cohortId, List.of("portfolio"), 1, false);
        app.api.await(
                app.api.token(coach, Api.PASSWORD),
                "/api/coaches/" + coachId + "/review-queue",
                queue -> queue.get("totalItems").asInt() == 28);
    }

    @Test
    void theQueueIsAPagedListWithFiltersAndTheCandidatesSelfRatingBesideTheAnswer() {
        Page page = desk();
        logIn(page, coach, Api.PASSWORD, "/review.html");
        assertThat(page.locator("#queue-count")).containsText("28 waiting");
        Locator rows = page.locator("#review-list > li");
        assertThat(rows).hasCount(25);
        // The oldest first: Ada's self-rated first answer, her rating beside it.
        assertThat(rows.first()).containsText("self-rated 2.2 of 5");
        assertThat(page.locator("#self-rating")).containsText("Their self-rating: 2.2 of 5");
        assertThat(page.locator("#self-rating")).containsText("Impact: 1");
        screenshot(page, "40-coach-review-list");

        page.locator("#next-page").click();
        assertThat(rows).hasCount(3);
        assertThat(page.locator("#page-of")).hasText("Page 2 of 2");
        assertThat(page.locator("#queue-count")).containsText("showing 26–28");

        page.locator("#filter-candidate")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(Api.displayName(bob)));
        assertThat(rows).hasCount(1);
        assertThat(page.locator("#queue-count")).containsText("1 waiting");
        assertThat(page.locator("#self-rating")).containsText("did not rate this answer themselves");
        page.locator("#filter-candidate").selectOption("");
        page.locator("#filter-theme").selectOption("portfolio");
        assertThat(rows).hasCount(1);
        page.locator("#filter-theme").selectOption("");
        page.locator("#filter-age").selectOption("24");
        assertThat(page.getByText("Nothing waits that matches these filters")).isVisible();
        assertThat(page).hasURL(Pattern.compile("waitedHours=24"));
        page.locator("#filter-age").selectOption("");
        assertThat(rows).hasCount(25);
        assertThat(widthOfPage(page)).isLessThanOrEqualTo(1280);
    }

    @Test
    void aCoachRatesFromTheListWithTheKeyboardAlone() {
        String admin = app.api.adminToken();
        String otherCoach = unique("coach");
        String otherCoachId = app.api.createAccount(admin, otherCoach, "coach");
        String cohortId = app.api.createCohort(admin, "Keyboard " + otherCoach, otherCoachId);
        String cy = unique("cy");
        app.api.enrol(admin, cohortId, app.api.createAccount(admin, cy, "candidate"));
        answerAll(cy, cohortId, List.of("git"), 1, false);
        String coachToken = app.api.token(otherCoach, Api.PASSWORD);
        app.api.await(
                coachToken,
                "/api/coaches/" + otherCoachId + "/review-queue",
                queue -> queue.get("totalItems").asInt() == 1);

        Page page = desk();
        logIn(page, otherCoach, Api.PASSWORD, "/review.html");
        assertThat(page.locator("#review-list > li")).hasCount(1);
        page.locator("#review-list > li button.row").focus();
        page.keyboard().press("Enter");
        // Each criterion: the arrow keys move the choice, Tab goes on to the next criterion.
        for (int criterion = 0; criterion < 5; criterion++) {
            page.keyboard().press("ArrowRight");
            page.keyboard().press("ArrowRight");
            page.keyboard().press("ArrowRight");
            page.keyboard().press("Tab");
        }
        page.keyboard().type("Name the merge strategy you chose and why.");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.getByText("Nothing left to rate")).isVisible();
        assertThat(page.locator("#queue-count")).containsText("0 waiting");
        app.api.await(
                coachToken,
                "/api/coaches/" + otherCoachId + "/review-queue",
                queue -> queue.get("totalItems").asInt() == 0);
    }

    @Test
    void everyUnscoredCriterionIsNamedAtOnceNextToItsGroupAndAMissingThemeIsAskedFor() {
        Page page = desk();
        logIn(page, coach, Api.PASSWORD, "/review.html");
        page.locator("input[name='scores.clarity'][value='4']").check();
        page.locator("input[name='scores.structure'][value='3']").check();
        page.getByText("Save and go to the next").click();
        Locator notes = page.locator("#rating .field-error");
        assertThat(notes).hasCount(3);
        for (String criterion : List.of("reasoning", "technical-depth", "impact")) {
            Locator group = page.locator("#rating fieldset[data-field='scores." + criterion + "']");
            // After the whole group, never between a radio button and its label.
            assertThat(group.locator(":scope > .field-error"))
                    .hasText(Pattern.compile("^Choose a score from 1 to 5 for .+"));
            assertThat(group.locator("label .field-error")).hasCount(0);
        }
        assertThat(page.locator("#queue-count")).containsText("28 waiting");
        assertThat(page.locator("body")).not().containsText("must not be null");
        screenshot(page, "42-coach-review-missing-criteria");

        Page practice = phone();
        logIn(practice, ada, Api.PASSWORD, "/practice.html");
        practice.getByText("Start the session").click();
        assertThat(practice.locator("fieldset[data-field=themes] > .field-error"))
                .hasText("Choose a theme: at least one");
        assertThat(practice.locator("body")).not().containsText("must not be null");
        assertThat(widthOfPage(practice)).isLessThanOrEqualTo(375);
    }

    @Test
    void onAPhoneTheListAndTheRubricFitTheScreen() {
        Page page = phone();
        logIn(page, coach, Api.PASSWORD, "/review.html");
        assertThat(page.locator("#review-list > li").first()).isVisible();
        assertThat(widthOfPage(page)).as("the review page's width at 375 px").isLessThanOrEqualTo(375);
        screenshot(page, "41-coach-review-list-phone");
    }

    private static int widthOfPage(Page page) {
        return CoachBrowserIT.widthOfPage(page);
    }

    /** A coach-reviewed session of {@code count} questions in {@code theme}, every one answered. */
    private static void answerAll(
            String candidate, String cohortId, List<String> themes, int count, boolean selfRateFirst) {
        String token = app.api.token(candidate, Api.PASSWORD);
        JsonNode session = app.api.postAs(
                token,
                "/api/sessions",
                Map.of("mode", "coach", "cohortId", cohortId, "themes", themes, "questionCount", count));
        String sessionId = session.get("sessionId").asText();
        for (int i = 0; i < count; i++) {
            String questionId =
                    session.get("questions").get(i).get("questionId").asText();
            app.api.postAs(
                    token,
                    "/api/sessions/" + sessionId + "/answers",
                    Map.of(
                            "questionId",
                            questionId,
                            "answer",
                            "Answer " + (i + 1) + " of " + candidate,
                            "timeSpentSeconds",
                            60));
            if (selfRateFirst && i == 0) {
                app.api.postAs(
                        token,
                        "/api/sessions/" + sessionId + "/answers/" + questionId + "/ratings",
                        Map.of("scores", SCORES));
            }
        }
        app.api.postAs(token, "/api/sessions/" + sessionId + "/complete", Map.of());
    }
}
