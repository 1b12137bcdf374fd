package dev.practicetracker.command;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.practicetracker.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The README publishes the laptop defaults, so the production profile refuses to start with them. */
class ProductionProfileIntegrationTest {

    @Test
    void theProductionProfileRefusesTheDefaultAdminPassword() {
        String url = TestDatabases.createDatabase();

        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandSideApplication.class)
                        .profiles("production")
                        .properties("spring.datasource.url=" + url)
                        // As arguments: default properties would lose to application.yml's placeholders.
                        .run("--server.port=0", "--tracker.security.token.secret=a-real-secret-of-at-least-32-bytes")
                        .close())
                .hasStackTraceContaining("TRACKER_ADMIN_PASSWORD");
    }

    @Test
    void theProductionProfileRefusesTheDefaultTokenSecret() {
        String url = TestDatabases.createDatabase();

        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandSideApplication.class)
                        .profiles("production")
                        .properties("spring.datasource.url=" + url)
                        .run("--server.port=0", "--tracker.security.admin.password=a-real-admin-password-here")
                        .close())
                .hasStackTraceContaining("TRACKER_TOKEN_SECRET");
    }
}
