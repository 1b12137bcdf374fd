package dev.practicetracker.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A mock interview, on a phone and on a desk: every question with a countdown, the guidance of a strong answer and the
 * ratings only once the last answer is in, as in a real interview.
 */
@Chromium.OnTheDemoApp
class MockInterviewBrowserIT extends Chromium {

    private static final Pattern COUNTDOWN = Pattern.compile("^(\\d+) min (\\d+) s$");

    @Test
    void aMockInterviewCountsDownEachQuestionAndShowsTheGuidanceOnlyAfterTheLastAnswer() {
        String admin = app.api.adminToken();
        for (Page page : List.of(phone(), desk())) {
            int width = page.viewportSize().width;
            String username = unique("mock" + width);
            app.api.createAccount(admin, username, "candidate");
            logIn(page, username, Api.PASSWORD, "/practice.html");
            page.getByLabel("Databases").check();
            page.getByLabel("Number of questions").fill("2");
            page.getByLabel("Practise as a mock interview").check();
            page.getByLabel("Minutes per question").selectOption("2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the session"))
                    .click();

            for (int question = 1; question <= 2; question++) {
                assertThat(page.locator("#progress-count")).containsText("Question " + question + " of 2");
                assertThat(page.locator("#mock-mode")).isVisible();
                assertThat(page.locator("#countdown")).hasText(COUNTDOWN);
                int first = seconds(page.locator("#countdown").textContent());
                assertThat(first).isLessThanOrEqualTo(120);
                // The countdown moves (the pages' CSP allows no string evaluated as script, so poll from here).
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
                while (seconds(page.locator("#countdown").textContent()) >= first && System.nanoTime() < deadline) {
                    page.waitForTimeout(200);
                }
                assertThat(seconds(page.locator("#countdown").textContent())).isLessThan(first);
                assertThat(page.locator(".guidance")).hasCount(0);
                assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                        .isLessThanOrEqualTo(width);
                if (question == 1) {
                    screenshot(page, "60-mock-interview-countdown-" + width);
                }
                page.getByLabel("Your answer").fill("I would index the columns the query filters on, then measure.");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit answer"))
                        .click();
            }
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Rate your answer")))
                    .isVisible();
            assertThat(page.locator(".guidance")).isVisible();
            assertThat(page.locator(".guidance")).not().isEmpty();
            screenshot(page, "61-mock-interview-guidance-after-answers-" + width);
        }
    }

    private static int seconds(String countdown) {
        var matcher = COUNTDOWN.matcher(countdown);
        assertThat(matcher.matches())
                .as("a countdown in minutes and seconds: %s", countdown)
                .isTrue();
        return Integer.parseInt(matcher.group(1)) * 60 + Integer.parseInt(matcher.group(2));
    }
}
