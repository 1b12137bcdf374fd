package dev.practicetracker.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.practicetracker.database.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

@ExtendWith(OutputCaptureExtension.class)
class ConnectionBudgetIntegrationTest {

    @Test
    void aPoolLargerThanTheServerAllowsIsReportedInOneLineWithWhatItNeedsAndWhatTheServerAllows(CapturedOutput output) {
        try (HikariDataSource pool = pool(100_000)) {
            Integer allowed = new JdbcTemplate(pool)
                    .queryForObject("SELECT current_setting('max_connections')::int", Integer.class);

            new ConnectionBudget(pool).check();

            assertThat(output.getOut().lines().filter(line -> line.contains("Database connections too few")))
                    .singleElement()
                    .asString()
                    .contains("this service may open 100000 (DATABASE_POOL_SIZE)")
                    .contains("the server allows " + allowed + " (max_connections)");
        }
    }

    @Test
    void aPoolTheServerHasRoomForSaysNothing(CapturedOutput output) {
        try (HikariDataSource pool = pool(2)) {
            new ConnectionBudget(pool).check();

            assertThat(output.getOut()).doesNotContain("Database connections");
        }
    }

    private static HikariDataSource pool(int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(TestDatabases.createDatabase());
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(1);
        return pool;
    }
}
