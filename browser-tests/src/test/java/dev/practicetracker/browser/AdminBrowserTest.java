package dev.practicetracker.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

class AdminBrowserTest extends Chromium {

    @Test
    void anAdminCreatesAnAccountACohortAndAnEnrolmentAndSeesAnInvalidFieldNamedNextToIt() {
        String admin = app.api.adminToken();
        String coach = unique("coach");
        String coachId = app.api.createAccount(admin, coach, "coach");
        String candidate = unique("newcomer");
        String cohort = "Winter cohort " + candidate;

        Page page = desk();
        logIn(page, Api.ADMIN, Api.ADMIN_PASSWORD, null);
        Locator account = page.locator("#create-account");
        assertThat(account).isVisible();
        screenshot(page, "12-admin-page");

        account.getByLabel("Username").fill(candidate);
        account.getByLabel("Display name").fill("New Comer");
        page.selectOption("#role", "candidate");
        account.getByLabel("Initial password").fill("too-short");
        account.getByText("Create the account").click();
        Locator passwordError = page.locator("#password + .field-error");
        assertThat(passwordError).containsText("at least 12 characters");
        assertThat(page.locator("#password")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#password")).isFocused();
        screenshot(page, "13-admin-invalid-password-next-to-field");

        account.getByLabel("Initial password").fill(Api.PASSWORD);
        account.getByText("Create the account").click();
        assertThat(account.locator(".notice")).containsText("Created " + candidate);
        assertThat(passwordError).hasCount(0);
        assertThat(page.locator("#accounts")).containsText(candidate);

        Locator cohortForm = page.locator("#create-cohort");
        cohortForm.getByLabel("Name").fill(cohort);
        page.selectOption("#coachId", coachId);
        cohortForm.getByText("Create the cohort").click();
        assertThat(cohortForm.locator(".notice")).containsText("Created the cohort " + cohort);
        assertThat(page.locator("#cohorts")).containsText(cohort);

        Locator enrol = page.locator("#enrol");
        enrol.getByLabel("Cohort").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(cohort));
        enrol.getByLabel("Candidate")
                .selectOption(
                        new com.microsoft.playwright.options.SelectOption().setLabel("New Comer (" + candidate + ")"));
        enrol.getByText("Enrol", new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(enrol.locator(".notice")).containsText("Enrolled");
        assertThat(page.locator("#cohorts tr", new Page.LocatorOptions().setHasText(cohort)))
                .containsText("1");
        screenshot(page, "14-admin-after-cohort-account-enrolment");

        String newcomer = app.api.token(candidate, Api.PASSWORD);
        app.api.await(
                newcomer,
                "/api/me",
                me -> me.get("cohorts").size() == 1
                        && me.get("cohorts").get(0).get("name").asText().equals(cohort));
    }
}
