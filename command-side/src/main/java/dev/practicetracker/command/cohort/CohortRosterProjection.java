package dev.practicetracker.command.cohort;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CandidateWithdrawnEvent;
import dev.practicetracker.events.cohort.CoachAssignedEvent;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Enrolments and coach assignments as the write side needs them, kept in the same transaction as the cohort's events. */
@Component
@ProcessingGroup(CohortRosterProjection.GROUP)
class CohortRosterProjection implements CohortRoster {

    static final String GROUP = "cohort-roster";

    private final JdbcClient jdbc;

    CohortRosterProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CohortCreatedEvent event) {
        assign(event.cohortId(), event.coachId());
    }

    @EventHandler
    void on(CoachAssignedEvent event) {
        assign(event.cohortId(), event.coachId());
    }

    private void assign(CohortId cohortId, CoachId coachId) {
        jdbc.sql("""
                INSERT INTO command_cohort_coach (cohort_id, coach_id) VALUES (:cohort, :coach)
                ON CONFLICT (cohort_id) DO UPDATE SET coach_id = EXCLUDED.coach_id
                """)
                .param("cohort", cohortId.value())
                .param("coach", coachId.value())
                .update();
    }

    @EventHandler
    void on(CandidateEnrolledEvent event) {
        mark(event.cohortId(), event.candidateId(), true);
    }

    @EventHandler
    void on(CandidateWithdrawnEvent event) {
        mark(event.cohortId(), event.candidateId(), false);
    }

    private void mark(CohortId cohortId, CandidateId candidateId, boolean enrolled) {
        jdbc.sql("""
                INSERT INTO command_cohort_roster (cohort_id, candidate_id, enrolled)
                VALUES (:cohort, :candidate, :enrolled)
                ON CONFLICT (cohort_id, candidate_id) DO UPDATE SET enrolled = EXCLUDED.enrolled
                """)
                .param("cohort", cohortId.value())
                .param("candidate", candidateId.value())
                .param("enrolled", enrolled)
                .update();
    }

    @Override
    public boolean coaches(CoachId coachId, CandidateId candidateId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM command_cohort_coach c
                                         JOIN command_cohort_roster r ON r.cohort_id = c.cohort_id AND r.enrolled
                                        WHERE c.coach_id = :coach AND r.candidate_id = :candidate)
                        """)
                .param("coach", coachId.value())
                .param("candidate", candidateId.value())
                .query(Boolean.class)
                .single();
    }

    @Override
    public boolean isEnrolled(CohortId cohortId, CandidateId candidateId) {
        return jdbc.sql(
                        "SELECT enrolled FROM command_cohort_roster WHERE cohort_id = :cohort AND candidate_id = :candidate")
                .param("cohort", cohortId.value())
                .param("candidate", candidateId.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
