package dev.practicetracker.query.review;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The review queue per cohort as gauges, read from the read model on a schedule: how many answers wait for a coach
 * and how long the oldest has waited. Counting from the read model, not from events as they pass, keeps the numbers
 * right across replays and restarts. The cohort id is the only label: cohorts are few and live for months.
 */
@Component
class ReviewQueueMetrics {

    private static final Logger log = LoggerFactory.getLogger(ReviewQueueMetrics.class);

    private final ReviewQueue queue;
    private final MultiGauge waiting;
    private final MultiGauge oldestAge;

    ReviewQueueMetrics(ReviewQueue queue, MeterRegistry registry) {
        this.queue = queue;
        this.waiting = MultiGauge.builder("tracker.review.queue.answers")
                .description("Answers waiting for a coach's rating in the cohort's review queue")
                .register(registry);
        this.oldestAge = MultiGauge.builder("tracker.review.queue.oldest.answer.age")
                .description("How long the oldest answer in the cohort's review queue has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${tracker.metrics.domain-interval}")
    void sample() {
        try {
            Instant now = Instant.now();
            List<MultiGauge.Row<?>> sizes = new ArrayList<>();
            List<MultiGauge.Row<?>> ages = new ArrayList<>();
            for (ReviewQueue.Backlog backlog : queue.backlogs()) {
                Tags cohort = Tags.of("cohort", backlog.cohortId());
                sizes.add(MultiGauge.Row.of(cohort, backlog.waiting()));
                ages.add(MultiGauge.Row.of(cohort, secondsSince(backlog.oldestAnsweredAt(), now)));
            }
            waiting.register(sizes, true);
            oldestAge.register(ages, true);
        } catch (DataAccessException e) {
            log.warn("Could not sample the review queues; the gauges keep their last values: {}", e.getMessage());
        }
    }

    private static double secondsSince(Instant oldest, Instant now) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
    }
}
