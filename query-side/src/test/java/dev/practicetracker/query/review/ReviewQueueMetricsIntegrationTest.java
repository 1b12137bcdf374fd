package dev.practicetracker.query.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.query.Practice;
import dev.practicetracker.query.ReadSideIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReviewQueueMetricsIntegrationTest extends ReadSideIntegrationTest {

    @Autowired
    private ReviewQueueMetrics metrics;

    @Autowired
    private MeterRegistry registry;

    private final String cohort = "cohort-" + UUID.randomUUID();
    private final String candidate = "cand-" + UUID.randomUUID();
    private final Instant now = Instant.now();

    @Test
    void aCohortsGaugesCountTheAnswersWaitingForACoachAndTheAgeOfTheOldest() {
        Practice older = Practice.of(candidate, cohort, Theme.DATABASES);
        Practice newer = Practice.of(candidate, cohort, Theme.GIT);
        Practice selfReviewed = Practice.of(candidate, cohort, Theme.SECURITY);
        appendAndWait(
                new CohortCreatedEvent(CohortId.of(cohort), "Evening", CoachId.of("coach-1"), now.minusSeconds(7200)),
                new CandidateEnrolledEvent(CohortId.of(cohort), CandidateId.of(candidate), now.minusSeconds(7000)),
                older.started(ReviewMode.COACH, now.minus(Duration.ofHours(1))),
                older.answered(now.minus(Duration.ofMinutes(50))),
                newer.started(ReviewMode.COACH, now.minus(Duration.ofMinutes(10))),
                newer.answered(now.minus(Duration.ofMinutes(5))),
                selfReviewed.started(ReviewMode.SELF, now.minus(Duration.ofHours(2))),
                selfReviewed.answered(now.minus(Duration.ofHours(2))));

        metrics.sample();

        assertThat(gauge("tracker.review.queue.answers")).isEqualTo(2);
        assertThat(gauge("tracker.review.queue.oldest.answer.age")).isBetween(50 * 60.0, 55 * 60.0);

        appendAndWait(older.rated("coach-1", RaterRole.COACH, 4, now), newer.rated("coach-1", RaterRole.COACH, 3, now));
        metrics.sample();

        assertThat(gauge("tracker.review.queue.answers")).isZero();
        assertThat(gauge("tracker.review.queue.oldest.answer.age")).isZero();
    }

    private double gauge(String name) {
        return registry.get(name).tag("cohort", cohort).gauge().value();
    }
}
