package dev.practicetracker.query.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.Theme;
import dev.practicetracker.query.Practice;
import dev.practicetracker.query.ReadSideIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProjectionLagIntegrationTest extends ReadSideIntegrationTest {

    @Autowired
    private ProjectionLag lag;

    @Autowired
    private MeterRegistry registry;

    @Test
    void aProcessorThatHasCaughtUpIsNeitherEventsNorSecondsBehind() {
        Practice practice = Practice.of("cand-" + UUID.randomUUID(), null, Theme.GIT);
        appendAndWait(practice.started(ReviewMode.SELF, Instant.now()), practice.answered(Instant.now()));

        lag.sample();

        assertThat(gauge("tracker.projection.lag.events")).isZero();
        assertThat(gauge("tracker.projection.lag")).isZero();
        assertThat(gauge("tracker.projection.dead.letters")).isZero();
    }

    @Test
    void aStoppedProcessorFallsFurtherBehindInSecondsWhileNoEventArrivesAndCatchesUpWhenStarted() throws Exception {
        PooledStreamingEventProcessor processor = processing
                .eventProcessor(ReadModels.PROCESSOR, PooledStreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            Practice practice = Practice.of("cand-" + UUID.randomUUID(), null, Theme.GIT);
            append(practice.started(ReviewMode.SELF, Instant.now()), practice.answered(Instant.now()));

            lag.sample();
            double eventsBehind = gauge("tracker.projection.lag.events");
            double secondsBehind = gauge("tracker.projection.lag");
            Thread.sleep(1200);
            lag.sample();

            assertThat(eventsBehind).isGreaterThanOrEqualTo(2);
            assertThat(gauge("tracker.projection.lag.events")).isEqualTo(eventsBehind);
            assertThat(gauge("tracker.projection.lag")).isGreaterThanOrEqualTo(secondsBehind + 1);
        } finally {
            processor.start();
        }

        // Caught up once every segment is claimed again and has handled the events appended while it was stopped.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            lag.sample();
            assertThat(gauge("tracker.projection.lag.events")).isZero();
            assertThat(gauge("tracker.projection.lag")).isZero();
        });
    }

    private double gauge(String name) {
        return registry.get(name).tag("processor", ReadModels.PROCESSOR).gauge().value();
    }
}
