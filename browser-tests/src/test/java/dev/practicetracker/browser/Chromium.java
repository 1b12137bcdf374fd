package dev.practicetracker.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Debian's Chromium driven by Playwright, offline: nothing is downloaded (the build sets {@code
 * PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}), and the browser's own calls home are switched off. Each person in a test gets a
 * browser context of their own, as if on their own machine.
 */
abstract class Chromium {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static RunningApp app;
    private static Playwright playwright;
    private static Browser browser;
    private static final List<Page> open = new ArrayList<>();
    /** Uncaught script errors and Content-Security-Policy refusals on any page: a page that breaks quietly fails. */
    private static final List<String> scriptProblems = java.util.Collections.synchronizedList(new ArrayList<>());

    /** A failed test leaves a screenshot of every page it had open, to show what the person would have seen. */
    @RegisterExtension
    static final AfterTestExecutionCallback failures = context -> {
        if (context.getExecutionException().isPresent()) {
            for (int i = 0; i < open.size(); i++) {
                screenshot(
                        open.get(i), "failed-" + context.getRequiredTestMethod().getName() + "-" + i);
            }
        }
    };

    /** A test class so marked runs on the app started with the demo switch instead of the shared empty one. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    @interface OnTheDemoApp {}

    @BeforeAll
    static void launch(org.junit.jupiter.api.TestInfo test) {
        boolean demo = test.getTestClass()
                .map(type -> type.isAnnotationPresent(OnTheDemoApp.class))
                .orElse(false);
        app = demo ? RunningApp.demo() : RunningApp.get();
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getProperty("chromium.path", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    static Page desk() {
        return open(1280, 900);
    }

    static Page phone() {
        return open(375, 812);
    }

    private static Page open(int width, int height) {
        BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(width, height).setBaseURL(app.baseUrl));
        context.setDefaultTimeout(15_000);
        Page page = context.newPage();
        page.onPageError(error -> scriptProblems.add(page.url() + ": " + error));
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                scriptProblems.add(page.url() + ": " + message.text());
            }
        });
        open.add(page);
        return page;
    }

    @AfterEach
    void closePages() {
        open.forEach(page -> page.context().close());
        open.clear();
        List<String> problems = List.copyOf(scriptProblems);
        scriptProblems.clear();
        org.assertj.core.api.Assertions.assertThat(problems)
                .as("script errors and CSP refusals on the pages")
                .isEmpty();
    }

    /** Logs in through the login page, which then opens {@code next} (or the role's home page). */
    static void logIn(Page page, String username, String password, String next) {
        page.navigate(next == null ? "/login.html" : "/login.html?next=" + next);
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL(url -> !url.contains("/login.html"));
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }
}
