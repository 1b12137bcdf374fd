package dev.practicetracker.query.cohort;

import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CandidateWithdrawnEvent;
import dev.practicetracker.events.cohort.CoachAssignedEvent;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import dev.practicetracker.query.processing.Candidates;
import dev.practicetracker.query.processing.ReadModels;
import dev.practicetracker.query.processing.SavepointPerEvent;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Cohorts, their coach and their roster, withdrawn candidates kept with the date they left. */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
class CohortProjection extends SavepointPerEvent {

    private final NamedParameterJdbcTemplate jdbc;
    private final Candidates candidates;

    CohortProjection(PlatformTransactionManager transactions, NamedParameterJdbcTemplate jdbc, Candidates candidates) {
        super(transactions);
        this.jdbc = jdbc;
        this.candidates = candidates;
    }

    /** Empties what this projection writes before a rebuild replays the event store into it. */
    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE qs_cohort, qs_cohort_member");
    }

    @EventHandler
    void on(CohortCreatedEvent event) {
        jdbc.update(
                """
                INSERT INTO qs_cohort (cohort_id, name, coach_id, created_at) VALUES (:id, :name, :coach, :at)
                ON CONFLICT (cohort_id) DO NOTHING
                """,
                new MapSqlParameterSource()
                        .addValue("id", event.cohortId().value())
                        .addValue("name", event.name())
                        .addValue("coach", event.coachId().value())
                        .addValue("at", Timestamp.from(event.createdAt())));
    }

    @EventHandler
    void on(CoachAssignedEvent event) {
        jdbc.update(
                "UPDATE qs_cohort SET coach_id = :coach WHERE cohort_id = :id",
                new MapSqlParameterSource()
                        .addValue("id", event.cohortId().value())
                        .addValue("coach", event.coachId().value()));
    }

    @EventHandler
    void on(CandidateEnrolledEvent event) {
        candidates.seen(event.candidateId(), event.enrolledAt());
        jdbc.update(
                """
                INSERT INTO qs_cohort_member (cohort_id, candidate_id, enrolled, enrolled_at)
                VALUES (:cohort, :candidate, TRUE, :at)
                ON CONFLICT (cohort_id, candidate_id)
                DO UPDATE SET enrolled = TRUE, enrolled_at = EXCLUDED.enrolled_at, withdrawn_at = NULL
                """,
                new MapSqlParameterSource()
                        .addValue("cohort", event.cohortId().value())
                        .addValue("candidate", event.candidateId().value())
                        .addValue("at", Timestamp.from(event.enrolledAt())));
    }

    @EventHandler
    void on(CandidateWithdrawnEvent event) {
        jdbc.update(
                """
                UPDATE qs_cohort_member SET enrolled = FALSE, withdrawn_at = :at
                 WHERE cohort_id = :cohort AND candidate_id = :candidate
                """,
                new MapSqlParameterSource()
                        .addValue("cohort", event.cohortId().value())
                        .addValue("candidate", event.candidateId().value())
                        .addValue("at", Timestamp.from(event.withdrawnAt())));
    }
}
