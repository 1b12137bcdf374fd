package dev.practicetracker.command.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.practicetracker.database.TestDatabases;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The throttle's limits on a real PostgreSQL, with time moved by a clock of the test's instead of waited for; two
 * throttles on two connections to one database stand for two command nodes.
 */
class LoginThrottleIntegrationTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final LoginProperties LIMITS = new LoginProperties(5, 20, WINDOW);

    private static PGSimpleDataSource firstNode;
    private static PGSimpleDataSource secondNode;

    private final AtomicLong millis = new AtomicLong(Instant.now().toEpochMilli());
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return millis.get() * 1_000_000;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };
    private final String run = java.util.UUID.randomUUID().toString();
    private final LoginThrottle throttle = new LoginThrottle("login-" + run, LIMITS, firstNode, clock);
    private final LoginThrottle onSecondNode = new LoginThrottle("login-" + run, LIMITS, secondNode, clock);

    @BeforeAll
    static void database() {
        String url = TestDatabases.createDatabase();
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/eventstore", "classpath:db/command")
                .load()
                .migrate();
        firstNode = dataSource(url);
        secondNode = dataSource(url);
    }

    @Test
    void theFifthFailureForANameBlocksItUntilTheWindowOfItsFirstFailureHasPassed() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(throttle.failed("ada", "client-" + attempt)).isFalse();
            advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.blocked("ada", "client-9")).isEmpty();

        assertThat(throttle.failed("ada", "client-5")).isTrue();

        assertThat(throttle.blocked("ada", "client-9")).contains(WINDOW.minusMinutes(4));
        assertThat(throttle.blocked("grace", "client-9")).isEmpty();
        advance(WINDOW.minusMinutes(4));
        assertThat(throttle.blocked("ada", "client-9")).isEmpty();
    }

    @Test
    void failuresOnTwoNodesAreCountedTogether() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            throttle.failed("ada", "client-" + attempt);
        }
        assertThat(onSecondNode.failed("ada", "client-4")).isFalse();
        assertThat(onSecondNode.failed("ada", "client-5")).isTrue();

        assertThat(throttle.blocked("ada", "client-9")).isPresent();
        assertThat(onSecondNode.blocked("ada", "client-9")).isPresent();

        onSecondNode.succeeded("ada");
        assertThat(throttle.blocked("ada", "client-9")).isEmpty();
    }

    @Test
    void twentyFailuresFromOneAddressBlockItForEveryName() {
        for (int attempt = 1; attempt <= 20; attempt++) {
            (attempt % 2 == 0 ? throttle : onSecondNode).failed("name-" + attempt, "10.0.0.7");
        }

        assertThat(throttle.blocked("someone-new", "10.0.0.7")).isPresent();
        assertThat(throttle.blocked("someone-new", "10.0.0.8")).isEmpty();
    }

    @Test
    void aSuccessfulLoginForgetsTheNamesFailures() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            throttle.failed("ada", "client-" + attempt);
        }

        throttle.succeeded("ada");
        throttle.failed("ada", "client-5");

        assertThat(throttle.blocked("ada", "client-9")).isEmpty();
    }

    @Test
    void twoThrottlesOnOneTableCountApart() {
        LoginThrottle guesses = new LoginThrottle("guess-" + run, LIMITS, firstNode, clock);
        for (int attempt = 1; attempt <= 5; attempt++) {
            guesses.failed("ada", "client-" + attempt);
        }

        assertThat(guesses.blocked("ada", "client-9")).isPresent();
        assertThat(throttle.blocked("ada", "client-9")).isEmpty();
    }

    @Test
    void checkingStoresNothingAndAFailureStoresItsNameAndAddress() {
        throttle.blocked("never-failed", "10.9.9.9");
        assertThat(rows()).isZero();

        throttle.failed("ada", "10.0.0.1");

        assertThat(rows()).isEqualTo(2);
    }

    /** This test's rows: each test has a throttle name of its own. */
    private long rows() {
        return new JdbcTemplate(firstNode)
                .queryForObject(
                        "SELECT COUNT(*) FROM login_throttle_buckets WHERE id LIKE ?",
                        Long.class,
                        "login-" + run + ":%");
    }

    private void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        return dataSource;
    }
}
