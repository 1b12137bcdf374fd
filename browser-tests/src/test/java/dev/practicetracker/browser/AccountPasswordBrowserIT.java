package dev.practicetracker.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A candidate changes their own password from a page, on a phone and on a desk, and logs in with the new one. */
@Chromium.OnTheDemoApp
class AccountPasswordBrowserIT extends Chromium {

    @Test
    void aCandidateChangesTheirOwnPasswordNamingTheCurrentOne() {
        String admin = app.api.adminToken();
        for (Page page : List.of(phone(), desk())) {
            int width = page.viewportSize().width;
            String username = unique("pw" + width);
            app.api.createAccount(admin, username, "candidate");
            logIn(page, username, Api.PASSWORD, null);
            page.getByText("Change my password").click();
            assertThat(page.locator("h1")).hasText("Change my password");

            page.getByLabel("Current password").fill("not-the-current-one");
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                    .fill("a brand new passphrase");
            page.getByLabel("New password again").fill("a brand new passphrase");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change my password"))
                    .click();
            assertThat(page.locator("#current-password + .field-error")).containsText("current password");
            assertThat(page.locator("#current-password")).isFocused();
            assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo(width);
            screenshot(page, "50-password-wrong-current-" + width);

            page.getByLabel("Current password").fill(Api.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change my password"))
                    .click();
            assertThat(page.locator("#password-changed")).containsText("Your password is changed");
            screenshot(page, "51-password-changed-" + width);

            assertThat(app.api.status(app.api.token(username, "a brand new passphrase"), "/api/me"))
                    .isEqualTo(200);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in"))
                    .click();
            logIn(page, username, "a brand new passphrase", null);
            assertThat(page.locator("h1")).hasText("My progress");
        }
    }
}
