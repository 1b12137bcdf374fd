package dev.practicetracker.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.RequestOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A mistyped page address, opened in a browser, gets a page that says so and leads back: not the API's refusal. */
@Chromium.OnTheDemoApp
class MissingPageBrowserIT extends Chromium {

    @Test
    void aWrongPageAddressShowsAPageNotFoundWithAWayBackOnAPhoneAndADesk() {
        for (Page page : List.of(phone(), desk())) {
            Response response = page.navigate("/progres.html");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.headerValue("content-type")).startsWith("text/html");
            assertThat(page.locator("h1")).hasText("Page not found");
            assertThat(page.locator("body")).not().containsText("bearer");
            int width = page.viewportSize().width;
            assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                    .isLessThanOrEqualTo(width);
            page.getByText("Log in").click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile("/login\\.html$"));
            page.navigate("/no/such/page");
            assertThat(page.locator("h1")).hasText("Page not found");
            screenshot(page, "40-page-not-found-" + width);
        }
        // A program asking for JSON still gets the API's answer, not a page.
        Page page = desk();
        var api = page.request().get("/progres.html", RequestOptions.create().setHeader("Accept", "application/json"));
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.headers().get("content-type")).contains("json");
    }
}
