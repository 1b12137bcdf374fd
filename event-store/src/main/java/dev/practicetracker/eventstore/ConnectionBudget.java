package dev.practicetracker.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Checks at start that the server leaves this service the connections its pool may open: one line when it does not,
 * saying what the service needs and what the server allows, instead of an undersized pool that degrades silently under
 * load. Other nodes that start later are not foreseen; the rule for sizing is in docs/operations.md (connections).
 */
final class ConnectionBudget implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ConnectionBudget.class);

    private final DataSource dataSource;

    ConnectionBudget(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What the server allows and what is taken, as read from it, and what this service may open. */
    record Budget(int maxConnections, int reserved, int heldByOthers, int poolSize) {

        int left() {
            return maxConnections - reserved - heldByOthers;
        }

        boolean enough() {
            return poolSize <= left();
        }

        String shortfall() {
            return "Database connections too few: this service may open " + poolSize
                    + " (DATABASE_POOL_SIZE), the server allows " + maxConnections + " (max_connections) less "
                    + reserved + " reserved for superusers, and other clients hold " + heldByOthers + ", so "
                    + Math.max(0, left()) + " are left; under load requests will wait and be refused with 503. Lower"
                    + " DATABASE_POOL_SIZE or raise max_connections (max_connections >= nodes x pool size + 1 per"
                    + " query-side node + reserved + other clients)";
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        check();
    }

    void check() {
        try {
            HikariDataSource pool =
                    dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
            if (pool == null) {
                return;
            }
            Budget budget = read(pool);
            if (!budget.enough()) {
                log.warn(budget.shortfall());
            }
        } catch (SQLException | RuntimeException e) {
            log.info("Database connection budget not checked: {}", e.getMessage());
        }
    }

    private static Budget read(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT current_setting('max_connections')::int,
                               current_setting('superuser_reserved_connections')::int,
                               (SELECT COUNT(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int
                        """)) {
            row.next();
            int ownOpen = pool.getHikariPoolMXBean().getTotalConnections();
            return new Budget(
                    row.getInt(1), row.getInt(2), Math.max(0, row.getInt(3) - ownOpen), pool.getMaximumPoolSize());
        }
    }
}
