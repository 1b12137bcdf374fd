package dev.practicetracker.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PracticeAndReviewBrowserIT extends Chromium {

    private static final List<String> SELF_SCORES = List.of("4", "3", "3", "4", "2");
    private static final List<String> COACH_SCORES = List.of("5", "4", "4", "5", "3");
    private static final List<String> CRITERIA =
            List.of("clarity", "reasoning", "technical-depth", "structure", "impact");

    @Test
    void aCandidatePractisesACoachRatesAndTheOpenProgressPageShowsTheNewLevelWithoutAReload() {
        String admin = app.api.adminToken();
        String coach = unique("coach");
        String candidate = unique("candidate");
        String coachId = app.api.createAccount(admin, coach, "coach");
        String candidateId = app.api.createAccount(admin, candidate, "candidate");
        String cohortId = app.api.createCohort(admin, "Autumn cohort " + coach, coachId);
        app.api.enrol(admin, cohortId, candidateId);
        String candidateToken = app.api.token(candidate, Api.PASSWORD);
        app.api.await(candidateToken, "/api/me", me -> me.get("cohorts").size() == 1);

        // The progress page, left open on the candidate's desk while they practise on their phone.
        Page progress = desk();
        logIn(progress, candidate, Api.PASSWORD, null);
        assertThat(progress).hasURL(Pattern.compile("/progress\\.html$"));
        assertThat(progress.locator("#live-state")).containsText("Live");
        progress.evaluate("window.notReloaded = true");
        screenshot(progress, "01-candidate-progress-before");

        Page practice = phone();
        logIn(practice, candidate, Api.PASSWORD, "/practice.html");
        practice.getByLabel("Databases").check();
        practice.getByLabel("Number of questions").fill("2");
        practice.getByLabel("My coach reviews them (I rate myself too)").check();
        screenshot(practice, "02-candidate-start-session-phone");
        practice.getByText("Start the session").click();

        for (int question = 1; question <= 2; question++) {
            assertThat(practice.locator("#progress-count"))
                    .hasText("Question " + question + " of 2 · " + (3 - question) + " left to answer");
            // Durations say their units ("42 s", "1 min 5 s"), never a clock-like "1:05".
            assertThat(practice.getByRole(AriaRole.TIMER)).hasText(Pattern.compile("^(\\d+ min )?\\d+ s$"));
            practice.getByLabel("Your answer")
                    .fill("I would clarify the read and write mix first, then compare a relational schema with a"
                            + " document store: joins and transactions against flexible documents. I chose PostgreSQL"
                            + " with an index on the lookup column; p95 fell from 800 ms to 40 ms.");
            if (question == 1) {
                screenshot(practice, "03-candidate-answer-phone");
            }
            practice.getByText("Submit answer").click();
            assertThat(practice.getByText("What a strong answer shows")).isVisible();
            score(practice, SELF_SCORES);
            if (question == 1) {
                screenshot(practice, "04-candidate-self-rate-phone");
            }
            practice.getByText("Save my rating").click();
        }
        assertThat(practice.getByText("All questions answered")).isVisible();
        practice.getByText("Finish and see the summary").click();
        assertThat(practice.locator("#summary")).containsText("Session completed");
        assertThat(practice.locator("#summary")).containsText("2 of 2 answered");
        assertThat(practice.locator("#summary")).containsText("Your self-rating: 3.2 of 5 on average.");
        assertThat((Integer) practice.evaluate("document.documentElement.scrollWidth"))
                .as("the summary fits a phone's width")
                .isLessThanOrEqualTo(375);
        screenshot(practice, "05-candidate-session-summary-phone");
        practice.getByText("See my progress").click();
        assertThat(practice.locator("#levels tr[data-theme=databases]")).isVisible();
        assertThat((Integer) practice.evaluate("document.documentElement.scrollWidth"))
                .as("the progress page fits a phone's width")
                .isLessThanOrEqualTo(375);
        screenshot(practice, "05b-candidate-progress-phone");

        Page coaching = desk();
        logIn(coaching, coach, Api.PASSWORD, null);
        assertThat(coaching).hasURL(Pattern.compile("/coach\\.html$"));
        // People are named as their accounts name them, not by their opaque ids.
        assertThat(coaching.locator("#cohort-grid")).containsText(Api.displayName(candidate));
        assertThat(coaching.locator("#cohort-grid")).not().containsText(candidateId);
        screenshot(coaching, "06-coach-cohort-overview");
        coaching.getByText("Go to the review queue").click();
        for (int left = 2; left >= 1; left--) {
            assertThat(coaching.locator("#queue-count")).containsText(left + " waiting");
            assertThat(coaching.locator("#answer-text")).containsText("p95 fell from 800 ms to 40 ms");
            score(coaching, COACH_SCORES);
            coaching.getByLabel("Comment for the candidate").fill("Good numbers; say why not a document store.");
            if (left == 2) {
                screenshot(coaching, "07-coach-review-queue");
            }
            coaching.locator("button[type=submit]").click();
        }
        assertThat(coaching.getByText("Nothing left to rate")).isVisible();
        screenshot(coaching, "08-coach-review-queue-empty");

        coaching.navigate("/coach.html");
        Download csv = coaching.waitForDownload(
                () -> coaching.getByText("Export the roster as CSV").click());
        assertThat(csv.suggestedFilename()).endsWith(".csv");
        assertThat(read(csv)).contains(candidateId);
        coaching.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Api.displayName(candidate)))
                .first()
                .click();
        assertThat(coaching.locator("h1")).hasText("Progress of " + Api.displayName(candidate));
        assertThat(coaching.locator("#levels tr[data-theme=databases]")).containsText("coach 2");
        assertThat(coaching.getByText("Start 3 questions on", new Page.GetByTextOptions().setExact(false)))
                .hasCount(0);
        screenshot(coaching, "08b-coach-candidate-drill-down");

        Locator databases = progress.locator("#levels tr[data-theme=databases]");
        assertThat(databases)
                .hasAttribute(
                        "data-coach-ratings", "2", new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
        assertThat(databases).not().containsText("self-ratings only");
        assertThat(progress.locator("#live")).containsText("a new rating changed the levels");
        assertThat(progress.locator("#sessions")).containsText("completed");
        assertThat(progress.evaluate("window.notReloaded")).isEqualTo(true);
        screenshot(progress, "09-candidate-progress-after-coach-rating-live");
    }

    private static String read(Download download) {
        try {
            return java.nio.file.Files.readString(download.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void score(Page page, List<String> scores) {
        for (int i = 0; i < CRITERIA.size(); i++) {
            page.locator("input[name='scores." + CRITERIA.get(i) + "'][value='" + scores.get(i) + "']")
                    .check();
        }
    }
}
