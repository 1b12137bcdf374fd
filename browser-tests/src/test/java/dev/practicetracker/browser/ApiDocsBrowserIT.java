package dev.practicetracker.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** Swagger UI, where the README sends a developer: it runs under the pages' Content-Security-Policy, offline. */
class ApiDocsBrowserIT extends Chromium {

    @Test
    void swaggerUiListsEveryOperationWithItsSummaryAndTheRealStatusCodes() {
        Page page = desk();
        page.navigate("/swagger-ui.html");
        // The app builds its description on the first request: on a busy machine that takes longer than an assertion's
        // default 5 s (a failed run showed Swagger UI up, its spinner still waiting for /api-docs).
        assertThat(page.locator(".opblock").first())
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(60_000));
        assertThat(page.locator(".opblock").count()).as("operations shown").isGreaterThan(40);
        assertThat(page.locator(".opblock-summary-description").first()).not().isEmpty();
        page.locator(".opblock-post:has([data-path='/api/sessions'])")
                .first()
                .locator(".opblock-summary")
                .click();
        assertThat(page.locator(".opblock-post.is-open .responses-table")).containsText("201");
        assertThat(page.locator(".opblock-post.is-open")).containsText("1 to 20 questions");
        screenshot(page, "50-swagger-ui");
    }
}
