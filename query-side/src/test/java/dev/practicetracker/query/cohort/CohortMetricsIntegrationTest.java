package dev.practicetracker.query.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CandidateWithdrawnEvent;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.query.Practice;
import dev.practicetracker.query.ReadSideIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CohortMetricsIntegrationTest extends ReadSideIntegrationTest {

    @Autowired
    private CohortMetrics metrics;

    @Autowired
    private MeterRegistry registry;

    private final String cohort = "cohort-" + UUID.randomUUID();
    private final String recent = "cand-" + UUID.randomUUID();
    private final String lapsed = "cand-" + UUID.randomUUID();
    private final String never = "cand-" + UUID.randomUUID();
    private final String withdrawn = "cand-" + UUID.randomUUID();
    private final Instant now = Instant.now();

    @Test
    void aCohortsGaugesCountEnrolledAndRecentlyActiveCandidatesAndAverageTheirLevelPerTheme() {
        Practice recentPractice = Practice.of(recent, cohort, Theme.DATABASES);
        Practice lapsedPractice = Practice.of(lapsed, cohort, Theme.DATABASES);
        appendAndWait(
                new CohortCreatedEvent(CohortId.of(cohort), "Evening", CoachId.of("coach-1"), ago(30)),
                new CandidateEnrolledEvent(CohortId.of(cohort), CandidateId.of(recent), ago(30)),
                new CandidateEnrolledEvent(CohortId.of(cohort), CandidateId.of(lapsed), ago(30)),
                new CandidateEnrolledEvent(CohortId.of(cohort), CandidateId.of(never), ago(30)),
                new CandidateEnrolledEvent(CohortId.of(cohort), CandidateId.of(withdrawn), ago(30)),
                new CandidateWithdrawnEvent(CohortId.of(cohort), CandidateId.of(withdrawn), "moved", ago(20)),
                recentPractice.started(ReviewMode.COACH, ago(1)),
                recentPractice.answered(ago(1)),
                recentPractice.rated("coach-1", RaterRole.COACH, 4, now),
                lapsedPractice.started(ReviewMode.COACH, ago(10)),
                lapsedPractice.answered(ago(10)),
                lapsedPractice.rated("coach-1", RaterRole.COACH, 2, ago(9)));

        metrics.sample();

        assertThat(gauge("tracker.cohort.enrolled.candidates")).isEqualTo(3);
        assertThat(gauge("tracker.cohort.active.candidates.7d")).isEqualTo(1);
        Double expected = jdbc.queryForObject(
                "SELECT AVG(level)::float8 FROM qs_skill_profile WHERE theme = 'databases' AND candidate_id IN (?, ?)",
                Double.class,
                recent,
                lapsed);
        assertThat(registry.get("tracker.cohort.mean.level")
                        .tag("cohort", cohort)
                        .tag("theme", "databases")
                        .gauge()
                        .value())
                .isEqualTo(expected, offset(1e-9));
        assertThat(registry.find("tracker.cohort.mean.level")
                        .tag("cohort", cohort)
                        .tag("theme", "git")
                        .gauge())
                .isNull();
    }

    @Test
    void aLevelFromSelfRatingsAloneIsLeftOutOfTheCohortsMean() {
        Practice coached = Practice.of(recent, cohort, Theme.GIT);
        Practice selfRated = Practice.of(lapsed, cohort, Theme.GIT);
        appendAndWait(
                new CohortCreatedEvent(CohortId.of(cohort), "Evening", CoachId.of("coach-1"), ago(30)),
                new CandidateEnrolledEvent(CohortId.of(cohort), CandidateId.of(recent), ago(30)),
                new CandidateEnrolledEvent(CohortId.of(cohort), CandidateId.of(lapsed), ago(30)),
                coached.started(ReviewMode.COACH, ago(2)),
                coached.answered(ago(2)),
                coached.rated("coach-1", RaterRole.COACH, 2, ago(1)),
                selfRated.started(ReviewMode.SELF, ago(2)),
                selfRated.answered(ago(2)),
                selfRated.rated(lapsed, RaterRole.SELF, 5, ago(1)));

        metrics.sample();

        Double coachedLevel = jdbc.queryForObject(
                "SELECT level::float8 FROM qs_skill_profile WHERE theme = 'git' AND candidate_id = ?",
                Double.class,
                recent);
        assertThat(registry.get("tracker.cohort.mean.level")
                        .tag("cohort", cohort)
                        .tag("theme", "git")
                        .gauge()
                        .value())
                .isEqualTo(coachedLevel, offset(1e-9));
    }

    private double gauge(String name) {
        return registry.get(name).tag("cohort", cohort).gauge().value();
    }

    private Instant ago(int days) {
        return now.minus(Duration.ofDays(days));
    }
}
