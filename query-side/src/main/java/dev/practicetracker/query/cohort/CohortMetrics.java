package dev.practicetracker.query.cohort;

import dev.practicetracker.query.profile.SkillEstimator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each cohort as gauges, read from the read model on a schedule: who is enrolled, who practised in the last
 * {@value #ACTIVE_DAYS} days, and the cohort's mean level per theme over the levels that rest on coach and peer
 * ratings, as in the cohort overview. The stored levels it reads are kept as of the present by {@code
 * ProfileRefresher}. Labels are the cohort id and the theme only:
 * cohorts are few and live for months, themes are a fixed list; a candidate id never becomes a label (per-candidate
 * numbers come from the read model through Grafana's PostgreSQL datasource).
 */
@Component
class CohortMetrics {

    static final int ACTIVE_DAYS = 7;

    private static final Logger log = LoggerFactory.getLogger(CohortMetrics.class);

    private final JdbcTemplate jdbc;
    private final MultiGauge enrolled;
    private final MultiGauge active;
    private final MultiGauge meanLevel;

    CohortMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.enrolled = MultiGauge.builder("tracker.cohort.enrolled.candidates")
                .description("Candidates enrolled in the cohort now")
                .register(registry);
        this.active = MultiGauge.builder("tracker.cohort.active.candidates.7d")
                .description("Enrolled candidates who answered a question in the last 7 days")
                .register(registry);
        this.meanLevel = MultiGauge.builder("tracker.cohort.mean.level")
                .description("Mean level (0 to 100 level points) of the cohort's enrolled candidates whose level in"
                        + " the theme rests on coach and peer ratings (levels from self-ratings alone are left out)")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${tracker.metrics.domain-interval}")
    void sample() {
        try {
            record Roster(String cohort, long enrolled, long active) {}
            List<Roster> rosters = jdbc.query(
                    """
                    SELECT c.cohort_id,
                           COUNT(m.candidate_id) FILTER (WHERE m.enrolled) AS enrolled,
                           COUNT(m.candidate_id) FILTER (WHERE m.enrolled AND k.last_practised_at >= now() - make_interval(days => ?))
                               AS active
                      FROM qs_cohort c
                      LEFT JOIN qs_cohort_member m ON m.cohort_id = c.cohort_id
                      LEFT JOIN qs_candidate k ON k.candidate_id = m.candidate_id
                     GROUP BY c.cohort_id
                    """,
                    (rs, i) -> new Roster(rs.getString("cohort_id"), rs.getLong("enrolled"), rs.getLong("active")),
                    ACTIVE_DAYS);
            enrolled.register(
                    rosters.stream()
                            .map(roster -> MultiGauge.Row.of(Tags.of("cohort", roster.cohort()), roster.enrolled()))
                            .toList(),
                    true);
            active.register(
                    rosters.stream()
                            .map(roster -> MultiGauge.Row.of(Tags.of("cohort", roster.cohort()), roster.active()))
                            .toList(),
                    true);
            meanLevel.register(
                    jdbc.query(
                            """
                            SELECT m.cohort_id, p.theme, AVG(p.level) AS mean_level
                              FROM qs_cohort_member m
                              JOIN qs_skill_profile p ON p.candidate_id = m.candidate_id
                             WHERE m.enrolled AND p.level IS NOT NULL AND p.basis = ?
                             GROUP BY m.cohort_id, p.theme
                            """,
                            (rs, i) -> MultiGauge.Row.of(
                                    Tags.of("cohort", rs.getString("cohort_id"), "theme", rs.getString("theme")),
                                    rs.getDouble("mean_level")),
                            SkillEstimator.BASIS_COACH_AND_PEER),
                    true);
        } catch (DataAccessException e) {
            log.warn("Could not sample the cohorts; the gauges keep their last values: {}", e.getMessage());
        }
    }
}
