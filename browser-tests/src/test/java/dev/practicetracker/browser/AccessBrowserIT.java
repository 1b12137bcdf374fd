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

    @Test
    void aLoginLinkNeverSendsThePersonToAnotherSite() {
        String admin = app.api.adminToken();
        String user = unique("linked");
        app.api.createAccount(admin, user, "candidate");
        String origin = java.net.URI.create(app.baseUrl).getAuthority();

        for (String next :
                new String[] {"/%5Cevil.example", "//evil.example", "/%09/evil.example", "https://evil.example"}) {
            Page page = desk();
            logIn(page, user, Api.PASSWORD, next);

            assertThat(java.net.URI.create(page.url()).getAuthority()).as(next).isEqualTo(origin);
            page.context().clearCookies();
        }
        Page page = desk();
        logIn(page, user, Api.PASSWORD, "/practice.html%3Ftheme%3Ddatabases");
        assertThat(page.url()).endsWith("/practice.html?theme=databases");
    }

    @Test
    void loggingOutEverywhereEndsTheLoginOnTheOtherDeviceToo() {
        String admin = app.api.adminToken();
        String user = unique("twodevices");
        app.api.createAccount(admin, user, "candidate");
        Page laptop = desk();
        Page phone = phone();
        logIn(laptop, user, Api.PASSWORD, null);
        logIn(phone, user, Api.PASSWORD, null);

        laptop.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Log out everywhere"))
                .click();
        laptop.waitForURL(url -> url.contains("/login.html"));
        phone.reload();

        phone.waitForURL(url -> url.contains("/login.html"));
        assertThat(phone.getByLabel("Username")).isVisible();
    }
}
