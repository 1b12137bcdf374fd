package dev.practicetracker.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The question bank page: browsed and searched by anyone logged in, kept by an admin. */
class QuestionBankBrowserIT extends Chromium {

    @Test
    void anAdminFindsQuestionsAndAddsOne() {
        Page page = desk();
        logIn(page, Api.ADMIN, Api.ADMIN_PASSWORD, "/questions.html");
        Locator count = page.locator("#bank-count");
        assertThat(count).containsText(Pattern.compile("^\\d{3} questions"));
        page.locator("#filter-theme").selectOption("databases");
        assertThat(page.locator("#questions > li").first()).containsText("Databases");
        int databases = Integer.parseInt(count.textContent().replaceAll("^(\\d+) questions.*$", "$1"));
        page.locator("#filter-difficulty").selectOption("foundation");
        int foundation = Integer.parseInt(count.textContent().replaceAll("^(\\d+) questions.*$", "$1"));
        assertThat(foundation).isLessThan(databases);
        page.locator("#filter-difficulty").selectOption("");
        page.locator("#search").fill("index");
        assertThat(page.locator("#questions > li").first())
                .containsText(Pattern.compile("index", Pattern.CASE_INSENSITIVE));

        // Adding without a theme names what is missing.
        Locator add = page.locator("#add-question");
        add.getByText("Add the question").click();
        assertThat(add.locator(".field-error").first()).hasText("Choose a theme");
        String prompt = "How would you find the slowest query of " + unique("app") + "?";
        add.locator("#new-theme").selectOption("databases");
        add.locator("[name=prompt]").fill(prompt);
        add.locator("[name=strongAnswer]").fill("Turns on the slow query log, reads EXPLAIN ANALYZE, names the index.");
        add.getByText("Add the question").click();
        assertThat(page.locator("#bank-saved")).containsText("Added");

        screenshot(page, "70-admin-question-bank");
        assertThat(CoachBrowserIT.widthOfPage(page)).isLessThanOrEqualTo(1280);
    }

    @Test
    void aCoachBrowsesTheBankOnAPhoneWithoutTheAdminsForms() {
        String admin = app.api.adminToken();
        String coach = unique("coach");
        app.api.createAccount(admin, coach, "coach");
        Page page = phone();
        logIn(page, coach, Api.PASSWORD, "/questions.html");
        assertThat(page.locator("#questions > li").first()).isVisible();
        assertThat(page.locator("#add-question")).hasCount(0);
        assertThat(page.getByText("Revise or retire")).hasCount(0);
        page.locator("#filter-theme").selectOption("git");
        assertThat(page.locator("#questions > li").first()).containsText("Git");
        assertThat(CoachBrowserIT.widthOfPage(page)).as("the bank at 375 px").isLessThanOrEqualTo(375);
        screenshot(page, "71-coach-question-bank-phone");
    }
}
