package dev.practicetracker.query.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitingTest {

    @Test
    void aWaitIsToldInItsTwoLargestUnits() {
        assertThat(Waiting.describe(Duration.ofSeconds(20))).isEqualTo("less than 1 min");
        assertThat(Waiting.describe(Duration.ofMinutes(45).plusSeconds(59))).isEqualTo("45 min");
        assertThat(Waiting.describe(Duration.ofHours(3))).isEqualTo("3 h");
        assertThat(Waiting.describe(Duration.ofMinutes(200))).isEqualTo("3 h 20 min");
        assertThat(Waiting.describe(Duration.ofHours(24).plusMinutes(59))).isEqualTo("1 day");
        assertThat(Waiting.describe(Duration.ofHours(52).plusMinutes(10))).isEqualTo("2 days 4 h");
    }

    @Test
    void aNegativeWaitIsNoWait() {
        assertThat(Waiting.describe(Duration.ofMinutes(-5))).isEqualTo("less than 1 min");
    }
}
