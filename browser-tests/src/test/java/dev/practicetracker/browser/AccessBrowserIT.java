package dev.practicetracker.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

class AccessBrowserIT extends Chromium {

    @Test
    void aCandidateIsRefusedACoachsPagesAndAnotherCandidatesProgress() {
        String admin = app.api.adminToken();
        String nosy = unique("nosy");
        String other = unique("other");
        String nosyId = app.api.createAccount(admin, nosy, "candidate");
        String otherId = app.api.createAccount(admin, other, "candidate");
        String nosyToken = app.api.token(nosy, Api.PASSWORD);

        Page page = desk();
        page.navigate("/login.html");
        page.getByLabel("Username").fill(nosy);
        page.getByLabel("Password").fill("not-the-password");
        page.getByText("Log in", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#password + .field-error")).containsText("wrong");
        assertThat(page.locator("#password")).isFocused();
        screenshot(page, "00-login-wrong-password");
        logIn(page, nosy, Api.PASSWORD, null);

        page.navigate("/coach.html");
        assertThat(page.locator(".refusal")).containsText("You do not have access to this page");
        assertThat(page.locator("#cohort-grid")).hasCount(0);
        screenshot(page, "10-candidate-refused-coach-page");
        assertThat(app.api.status(nosyToken, "/api/coaches/" + nosyId + "/cohorts"))
                .isEqualTo(403);

        page.navigate("/review.html");
        assertThat(page.locator(".refusal")).containsText("You do not have access to this page");
        assertThat(app.api.status(nosyToken, "/api/coaches/" + nosyId + "/review-queue"))
                .isEqualTo(403);

        page.navigate("/progress.html?candidate=" + otherId);
        assertThat(page.locator(".refusal")).containsText("Nothing to show");
        assertThat(page.locator("#levels")).hasCount(0);
        screenshot(page, "11-candidate-refused-other-candidates-progress");
        assertThat(app.api.status(nosyToken, "/api/candidates/" + otherId + "/profile"))
                .isIn(403, 404);
        assertThat(app.api.status(nosyToken, "/api/candidates/" + otherId + "/sessions"))
                .isIn(403, 404);
    }
}
