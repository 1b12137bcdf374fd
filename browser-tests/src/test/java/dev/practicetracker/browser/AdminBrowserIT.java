package dev.practicetracker.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AdminBrowserIT extends Chromium {

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

    @Test
    void anAdminRebuildsTheReadModelsFromThePageAndSeesItFinishWithTheEventsItReplayed() {
        Page page = desk();
        logIn(page, Api.ADMIN, Api.ADMIN_PASSWORD, null);
        Locator section = page.locator("#read-models");
        Locator status = section.locator("#rebuild-status");
        assertThat(status).not().containsText("Reading");
        assertThat(section.locator("#dead-letters")).containsText("No dead letters");

        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rebuild the read models…"))
                .click();
        assertThat(section.locator(".confirm")).containsText("Pages stay as they are until it is done");
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, rebuild"))
                .click();

        assertThat(status).containsText(Pattern.compile("Last rebuild done .*: [0-9,]+ events in [0-9]+ s"));
        assertThat(section.locator("#rebuild-progress")).isHidden();
        screenshot(page, "15-admin-rebuild-done");
        String admin = app.api.adminToken();
        app.api.await(
                admin,
                "/api/admin/rebuild",
                progress -> progress.get("state").asText().equals("done")
                        && progress.get("eventsDone").asLong()
                                == progress.get("eventsTotal").asLong()
                        && progress.get("eventsTotal").asLong() > 0);
    }

    @Test
    void anAdminSetsTheRetentionPeriodAndErasesAWithdrawnPersonFromThePage() {
        String admin = app.api.adminToken();
        String leaver = unique("leaver");
        String leaverId = app.api.createAccount(admin, leaver, "candidate");
        app.api.postAs(admin, "/api/accounts/" + leaverId + "/withdraw", java.util.Map.of("reason", "moved abroad"));
        app.api.await(
                admin,
                "/api/admin/accounts/" + leaverId + "/history",
                history -> history.get("account").get("status").asText().equals("withdrawn"));

        Page page = desk();
        logIn(page, Api.ADMIN, Api.ADMIN_PASSWORD, null);
        Locator section = page.locator("#personal-data");
        Locator days = section.getByLabel("Erase withdrawn accounts after (days)");
        days.fill("0");
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set the period"))
                .click();
        assertThat(section.locator(".field-error")).containsText("from 1 day to 3650 days");
        assertThat(days).hasAttribute("aria-invalid", "true");

        days.fill("90");
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set the period"))
                .click();
        assertThat(section.locator(".notice"))
                .hasText("Saved: withdrawn accounts are erased 90 days after their withdrawal.");
        assertThat(section.locator("#retention-status"))
                .containsText(Pattern.compile(
                        "erased 90 days after their withdrawal; set .* by .*still kept; the next is erased"));
        screenshot(page, "16-admin-retention");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Manage " + leaver))
                .click();
        Locator erase = page.locator("form[id$=-erase]");
        erase.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Erase " + leaver + "…"))
                .click();
        assertThat(erase.locator(".field-error")).containsText("Say why the person is erased");
        erase.getByLabel("Why the person is erased").fill("asked to be forgotten");
        erase.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Erase " + leaver + "…"))
                .click();
        assertThat(erase.locator(".confirm")).containsText("can never be read again");
        erase.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, erase " + leaver))
                .click();
        assertThat(page.locator("[data-outcome]")).containsText("Erased " + leaver);
        assertThat(page.locator("#accounts tr[data-account='" + leaverId + "'] td[data-label=Username]"))
                .hasText("erased person");
        app.api.await(
                admin,
                "/api/admin/accounts/" + leaverId + "/history",
                history -> history.get("account").get("username").asText().equals("erased person"));

        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Erase only by hand"))
                .click();
        assertThat(section.locator("#retention-status")).containsText("erased only by hand");
    }

    @Test
    void anAdminLocksAndUnlocksACandidateWithdrawsThemFromACohortAndIsRefusedLockingThemselves() {
        String admin = app.api.adminToken();
        String coachId = app.api.createAccount(admin, unique("coach"), "coach");
        String nextCoach = unique("nextcoach");
        String nextCoachId = app.api.createAccount(admin, nextCoach, "coach");
        String candidate = unique("lockable");
        String candidateId = app.api.createAccount(admin, candidate, "candidate");
        String leaver = unique("leaver");
        String leaverId = app.api.createAccount(admin, leaver, "candidate");
        String cohort = "Spring cohort " + candidate;
        String cohortId = app.api.createCohort(admin, cohort, coachId);
        app.api.enrol(admin, cohortId, candidateId);
        app.api.await(
                admin,
                "/api/admin/cohorts?size=100",
                cohorts -> cohorts.get("items").findValues("candidates").stream()
                        .anyMatch(people -> people.findValuesAsText("id").contains(candidateId)));
        app.api.await(
                admin,
                "/api/admin/accounts?size=100",
                accounts -> accounts.get("items").findValuesAsText("accountId").contains(leaverId));

        Page learner = desk();
        logIn(learner, candidate, Api.PASSWORD, null);
        assertThat(learner).hasURL(Pattern.compile("/progress\\.html"));

        Page page = desk();
        logIn(page, Api.ADMIN, Api.ADMIN_PASSWORD, null);
        Locator row = page.locator("#accounts tr[data-account='" + candidateId + "']");
        Locator manage = row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Manage " + candidate));
        manage.click();
        assertThat(manage).hasAttribute("aria-expanded", "true");
        Locator panel = page.locator("#accounts tr.panel");
        panel.getByLabel("Reason for locking (optional)").fill("Shared their password");
        button(panel, "Lock " + candidate).click();
        assertThat(panel.locator(".notice")).containsText("Locked " + candidate);
        assertThat(panel.locator(".notice")).isFocused();
        assertThat(row.locator("td.status")).hasText("locked");
        screenshot(page, "15-admin-locked-a-candidate");

        // The candidate's open page is refused from the next request on: reloaded, its API calls answer 401 and the
        // page sends them to the login page, which a stale cookie does not block; the login is refused too.
        learner.reload();
        learner.waitForURL(url -> url.contains("/login.html"));
        learner.getByLabel("Username").fill(candidate);
        learner.getByLabel("Password").fill(Api.PASSWORD);
        button(learner.locator("#login"), "Log in").click();
        assertThat(learner.locator("#password + .field-error")).containsText("locked");
        screenshot(learner, "16-locked-candidate-refused-at-login");

        button(panel, "Unlock " + candidate).click();
        assertThat(panel.locator(".notice")).containsText("Unlocked " + candidate);
        assertThat(row.locator("td.status")).hasText("active");
        logIn(learner, candidate, Api.PASSWORD, null);
        assertThat(learner).hasURL(Pattern.compile("/progress\\.html"));

        // Who was allowed what, and when: the account's history, from its events, oldest first.
        panel.getByText("History of " + candidate).click();
        Locator history = panel.locator("ol.history li");
        assertThat(history).hasCount(3);
        assertThat(history.nth(0)).containsText("created (candidate)");
        assertThat(history.nth(1)).containsText("locked by");
        assertThat(history.nth(1)).containsText("Shared their password");
        assertThat(history.nth(2)).containsText("unlocked by");
        screenshot(page, "15b-admin-account-history");

        Locator cohortRow = page.locator("#cohorts tr[data-cohort='" + cohortId + "']");
        assertThat(cohortRow.locator("td[data-label=Candidates]")).hasText(Api.displayName(candidate));
        button(cohortRow, "Manage " + cohort).click();
        Locator cohortPanel = page.locator("#cohorts tr.panel");
        cohortPanel.getByLabel("Candidate to withdraw").selectOption(candidateId);
        cohortPanel.getByLabel("Reason (optional)").fill("Found a job");
        button(cohortPanel, "Withdraw from the cohort").click();
        assertThat(cohortPanel.locator(".notice"))
                .containsText("Withdrew " + Api.displayName(candidate) + " from " + cohort);
        assertThat(cohortPanel.locator(".notice")).isFocused();
        assertThat(cohortRow.locator("td.num")).hasText("0");
        assertThat(cohortRow.locator("td[data-label=Candidates]")).hasText("");
        screenshot(page, "17-admin-withdrew-a-candidate-from-a-cohort");
        cohortPanel.getByLabel("New coach").selectOption(nextCoachId);
        button(cohortPanel, "Reassign the coach").click();
        assertThat(cohortPanel.locator(".notice")).containsText(Api.displayName(nextCoach) + " now coaches " + cohort);
        assertThat(cohortRow.locator("td[data-label=Coach]")).hasText(Api.displayName(nextCoach));

        // A new password set by the admin is the one that works from then on.
        String renewed = "a fresh passphrase for " + candidate;
        assertThat(manage).hasAttribute("aria-expanded", "true");
        panel.getByLabel("New password").fill("short");
        button(panel, "Set the password").click();
        assertThat(panel.locator("input[name=password] + .field-error")).containsText("12");
        panel.getByLabel("New password").fill(renewed);
        button(panel, "Set the password").click();
        assertThat(panel.locator(".notice")).containsText("Set a new password for " + candidate);
        learner.context().clearCookies();
        logIn(learner, candidate, renewed, null);
        assertThat(learner).hasURL(Pattern.compile("/progress\\.html"));

        // The server refuses an admin locking themselves; its words appear next to the lock button, which has focus.
        String adminId = app.api.get(admin, "/api/me").get("accountId").asText();
        Locator own = page.locator("#accounts tr[data-account='" + adminId + "']");
        button(own, "Manage " + Api.ADMIN).click();
        Locator ownPanel = page.locator("#accounts tr.panel");
        button(ownPanel, "Lock " + Api.ADMIN).click();
        assertThat(ownPanel.locator("button[name=lock] + .field-error")).containsText("may not lock their own account");
        assertThat(ownPanel.locator("button[name=lock]")).isFocused();
        assertThat(own.locator("td.status")).hasText("active");
        screenshot(page, "18-admin-refused-locking-themselves");

        // On a phone: withdrawing asks first, since it is final, and then the table says so.
        Page phone = phone();
        logIn(phone, Api.ADMIN, Api.ADMIN_PASSWORD, null);
        Locator leaverRow = phone.locator("#accounts tr[data-account='" + leaverId + "']");
        button(leaverRow, "Manage " + leaver).click();
        Locator leaverPanel = phone.locator("#accounts tr.panel");
        button(leaverPanel, "Withdraw " + leaver).click();
        assertThat(leaverPanel.locator(".confirm")).isFocused();
        assertThat(leaverRow.locator("td.status")).hasText("active");
        screenshot(phone, "19-admin-withdraw-asks-first-on-a-phone");
        org.assertj.core.api.Assertions.assertThat(
                        (Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at 375 px")
                .isTrue();
        button(leaverPanel, "Yes, withdraw " + leaver).click();
        assertThat(leaverPanel.locator(".notice")).containsText("Withdrew " + leaver);
        assertThat(leaverRow.locator("td.status")).hasText("withdrawn");
        // Nothing about a withdrawn account can change; the one thing left is to erase the person, for good.
        assertThat(leaverPanel.getByRole(AriaRole.BUTTON)).hasText(new String[] {"Erase " + leaver + "…"});
        screenshot(phone, "20-admin-withdrew-an-account-on-a-phone");
    }

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
    }
}
