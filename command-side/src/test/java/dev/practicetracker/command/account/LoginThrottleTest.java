package dev.practicetracker.command.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The throttle's limits and its memory, with time moved by a Caffeine ticker instead of waited for. */
class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final AtomicLong nanos = new AtomicLong();
    private final LoginThrottle throttle = new LoginThrottle(new LoginProperties(5, 20, WINDOW), nanos::get);

    @Test
    void theFifthFailureForANameBlocksItUntilTheOldestFailureLeavesTheWindow() {
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
    void twentyFailuresFromOneAddressBlockItForEveryName() {
        for (int attempt = 1; attempt <= 20; attempt++) {
            throttle.failed("name-" + attempt, "10.0.0.7");
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
    void aHundredThousandOneOffNamesStayWithinTheBoundAndAreForgottenOnceTheirWindowHasPassed() {
        for (int i = 0; i < 100_000; i++) {
            throttle.failed("guess-" + i, "client-" + (i % 250));
            if (i % 1_000 == 0) {
                assertThat(throttle.keys()).isLessThanOrEqualTo(LoginThrottle.MAX_KEYS);
            }
        }
        assertThat(throttle.keys()).isGreaterThan(LoginThrottle.MAX_KEYS / 2);

        advance(WINDOW.plusHours(1));

        assertThat(throttle.keys()).isZero();
    }

    @Test
    void aKeyIsKeptForOneWindowAfterItsLatestFailure() {
        throttle.failed("ada", "10.0.0.7");
        advance(WINDOW.minusMinutes(1));
        throttle.failed("ada", "10.0.0.7");

        advance(Duration.ofMinutes(2));
        assertThat(throttle.keys()).isEqualTo(2);

        advance(WINDOW);
        assertThat(throttle.keys()).isZero();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
