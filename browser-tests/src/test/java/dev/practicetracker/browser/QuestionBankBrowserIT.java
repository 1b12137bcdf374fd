package dev.practicetracker.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The question bank page: browsed and searched by anyone logged in, kept by coaches and admins. */
class QuestionBankBrowserIT extends Chromium {

    @Test
    void aCoachFindsQuestionsAddsOneFindsItAgainRevisesItAndRetiresIt() {
        String admin = app.api.adminToken();
        String coach = unique("keeper");
        app.api.createAccount(admin, coach, "coach");
        Page page = desk();
        logIn(page, coach, Api.PASSWORD, "/questions.html");
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
        String shop = unique("shop");
        String prompt = "How would you find the slowest query of " + shop + "?";
        add.locator("#new-theme").selectOption("databases");
        add.locator("[name=prompt]").fill(prompt);
        add.locator("[name=strongAnswer]").fill("Turns on the slow query log, reads EXPLAIN ANALYZE, names the index.");
        add.getByText("Add the question").click();
        assertThat(page.locator("#bank-saved")).containsText("Added");

        // Found again by its own words, on the first page whatever the bank's order.
        page.locator("#search").fill(shop);
        assertThat(count).hasText("1 question");
        Locator added = page.locator("#questions > li");
        assertThat(added).containsText(prompt);
        assertThat(added).containsText("Databases · foundation");

        added.getByText("Revise or retire").click();
        added.locator("select[name=difficulty]").selectOption("intermediate");
        added.locator("textarea[name=prompt]").fill(prompt + " Under load?");
        added.getByText("Save the revision").click();
        assertThat(page.locator("#bank-saved")).containsText("Revised");
        page.locator("#search").fill(shop);
        assertThat(page.locator("#questions > li")).containsText("Under load?");
        assertThat(page.locator("#questions > li")).containsText("Databases · intermediate");
        assertThat(page.locator("#questions > li")).containsText("revised");

        page.locator("#questions > li").getByText("Revise or retire").click();
        page.locator("#questions > li").getByText("Retire this question").click();
        assertThat(page.locator("#bank-saved")).containsText("Retired");
        page.locator("#search").fill(shop);
        assertThat(count).hasText("0 questions");
        assertThat(page.locator("#bank")).containsText("No question matches.");
        assertThat(page.locator("#content")).not().containsText("null");
        page.locator("#show-retired").check();
        page.locator("#search").fill(shop);
        assertThat(page.locator("#questions > li")).containsText("retired");

        screenshot(page, "70-coach-question-bank");
        assertThat(CoachBrowserIT.widthOfPage(page)).isLessThanOrEqualTo(1280);
    }

    @Test
    void aCandidateBrowsesTheBankOnAPhoneWithoutTheKeepersForms() {
        String admin = app.api.adminToken();
        String candidate = unique("browser");
        app.api.createAccount(admin, candidate, "candidate");
        Page page = phone();
        logIn(page, candidate, Api.PASSWORD, "/questions.html");
        assertThat(page.locator("#questions > li").first()).isVisible();
        assertThat(page.locator("#add-question")).hasCount(0);
        assertThat(page.getByText("Revise or retire")).hasCount(0);
        assertThat(page.locator("#content")).not().containsText("null");
        page.locator("#filter-theme").selectOption("git");
        assertThat(page.locator("#questions > li").first()).containsText("Git");
        assertThat(CoachBrowserIT.widthOfPage(page)).as("the bank at 375 px").isLessThanOrEqualTo(375);
        screenshot(page, "71-candidate-question-bank-phone");
    }
}
