package dev.practicetracker.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.practicetracker.database.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The README publishes the laptop defaults, so the production profile refuses to start with them. */
class ProductionProfileIntegrationTest {

    private static final String PERSONAL_DATA_KEY =
            "--tracker.personal-data.master-key=bG9jYWwtdGVzdC1rZXktMzItYnl0ZXMtbG9uZyEhISE=";

    @Test
    void theProductionProfileRefusesTheDefaultPersonalDataKey() {
        String url = TestDatabases.createDatabase();

        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandSideApplication.class)
                        .profiles("production")
                        .properties("spring.datasource.url=" + url)
                        .run(
                                "--server.port=0",
                                "--tracker.security.token.secret=a-real-secret-of-at-least-32-bytes",
                                "--tracker.security.admin.password=a-real-admin-password-here")
                        .close())
                .hasStackTraceContaining("TRACKER_PERSONAL_DATA_KEY");
    }

    @Test
    void theProductionProfileRefusesTheDefaultAdminPassword() {
        String url = TestDatabases.createDatabase();

        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandSideApplication.class)
                        .profiles("production")
                        .properties("spring.datasource.url=" + url)
                        // As arguments: default properties would lose to application.yml's placeholders.
                        .run(
                                "--server.port=0",
                                "--tracker.security.token.secret=a-real-secret-of-at-least-32-bytes",
                                PERSONAL_DATA_KEY)
                        .close())
                .hasStackTraceContaining("TRACKER_ADMIN_PASSWORD");
    }

    @Test
    void theProductionProfileRefusesTheDefaultTokenSecret() {
        String url = TestDatabases.createDatabase();

        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandSideApplication.class)
                        .profiles("production")
                        .properties("spring.datasource.url=" + url)
                        .run(
                                "--server.port=0",
                                "--tracker.security.admin.password=a-real-admin-password-here",
                                PERSONAL_DATA_KEY)
                        .close())
                .hasStackTraceContaining("TRACKER_TOKEN_SECRET");
    }

    @Test
    void underTheProductionProfileThePageAndXsrfCookiesAreSentOverHttpsOnly() throws Exception {
        String url = TestDatabases.createDatabase();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommandSideApplication.class)
                .profiles("production")
                .properties("spring.datasource.url=" + url)
                .run(
                        "--server.port=0",
                        "--tracker.security.token.secret=a-real-secret-of-at-least-32-bytes",
                        "--tracker.security.admin.password=a-real-admin-password-here",
                        PERSONAL_DATA_KEY)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpResponse<String> login = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/token"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"username\":\"admin\",\"password\":\"a-real-admin-password-here\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            List<String> cookies = login.headers().allValues("Set-Cookie");
            assertThat(cookies)
                    .anySatisfy(cookie -> assertThat(cookie).startsWith("tracker_token="))
                    .anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN="))
                    .allSatisfy(cookie -> assertThat(cookie).contains("; Secure"));
        }
    }
}
