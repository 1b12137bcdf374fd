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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Cohorts, their coach and their roster, withdrawn candidates kept with the date they left. */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
class CohortProjection extends SavepointPerEvent {

    private final JdbcClient jdbc;
    private final Candidates candidates;

    CohortProjection(PlatformTransactionManager transactions, JdbcClient jdbc, Candidates candidates) {
        super(transactions);
        this.jdbc = jdbc;
        this.candidates = candidates;
    }

    @EventHandler
    void on(CohortCreatedEvent event) {
        jdbc.sql("""
                INSERT INTO qs_cohort (cohort_id, name, coach_id, created_at) VALUES (:id, :name, :coach, :at)
                ON CONFLICT (cohort_id) DO NOTHING
                """)
                .param("id", event.cohortId().value())
                .param("name", event.name())
                .param("coach", event.coachId().value())
                .param("at", Timestamp.from(event.createdAt()))
                .update();
    }

    @EventHandler
    void on(CoachAssignedEvent event) {
        jdbc.sql("UPDATE qs_cohort SET coach_id = :coach WHERE cohort_id = :id")
                .param("id", event.cohortId().value())
                .param("coach", event.coachId().value())
                .update();
    }

    @EventHandler
    void on(CandidateEnrolledEvent event) {
        candidates.seen(event.candidateId(), event.enrolledAt());
        jdbc.sql("""
                INSERT INTO qs_cohort_member (cohort_id, candidate_id, enrolled, enrolled_at)
                VALUES (:cohort, :candidate, TRUE, :at)
                ON CONFLICT (cohort_id, candidate_id)
                DO UPDATE SET enrolled = TRUE, enrolled_at = EXCLUDED.enrolled_at, withdrawn_at = NULL
                """)
                .param("cohort", event.cohortId().value())
                .param("candidate", event.candidateId().value())
                .param("at", Timestamp.from(event.enrolledAt()))
                .update();
    }

    @EventHandler
    void on(CandidateWithdrawnEvent event) {
        jdbc.sql("""
                UPDATE qs_cohort_member SET enrolled = FALSE, withdrawn_at = :at
                 WHERE cohort_id = :cohort AND candidate_id = :candidate
                """)
                .param("cohort", event.cohortId().value())
                .param("candidate", event.candidateId().value())
                .param("at", Timestamp.from(event.withdrawnAt()))
                .update();
    }
}
