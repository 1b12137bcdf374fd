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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Enrolments and coach assignments as the write side needs them, kept in the same transaction as the cohort's events. */
@Component
@ProcessingGroup(CohortRosterProjection.GROUP)
class CohortRosterProjection implements CohortRoster {

    static final String GROUP = "cohort-roster";

    private final NamedParameterJdbcTemplate jdbc;

    CohortRosterProjection(NamedParameterJdbcTemplate jdbc) {
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
        jdbc.update(
                """
                INSERT INTO command_cohort_coach (cohort_id, coach_id) VALUES (:cohort, :coach)
                ON CONFLICT (cohort_id) DO UPDATE SET coach_id = EXCLUDED.coach_id
                """,
                new MapSqlParameterSource().addValue("cohort", cohortId.value()).addValue("coach", coachId.value()));
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
        jdbc.update(
                """
                INSERT INTO command_cohort_roster (cohort_id, candidate_id, enrolled)
                VALUES (:cohort, :candidate, :enrolled)
                ON CONFLICT (cohort_id, candidate_id) DO UPDATE SET enrolled = EXCLUDED.enrolled
                """,
                new MapSqlParameterSource()
                        .addValue("cohort", cohortId.value())
                        .addValue("candidate", candidateId.value())
                        .addValue("enrolled", enrolled));
    }

    @Override
    public boolean coaches(CoachId coachId, CandidateId candidateId) {
        Boolean coaches = jdbc.queryForObject(
                """
                SELECT EXISTS (SELECT 1 FROM command_cohort_coach c
                                 JOIN command_cohort_roster r ON r.cohort_id = c.cohort_id AND r.enrolled
                                WHERE c.coach_id = :coach AND r.candidate_id = :candidate)
                """,
                new MapSqlParameterSource()
                        .addValue("coach", coachId.value())
                        .addValue("candidate", candidateId.value()),
                Boolean.class);
        return Boolean.TRUE.equals(coaches);
    }

    @Override
    public boolean isEnrolled(CohortId cohortId, CandidateId candidateId) {
        Boolean enrolled = jdbc.query(
                "SELECT enrolled FROM command_cohort_roster WHERE cohort_id = :cohort AND candidate_id = :candidate",
                new MapSqlParameterSource()
                        .addValue("cohort", cohortId.value())
                        .addValue("candidate", candidateId.value()),
                rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE);
        return Boolean.TRUE.equals(enrolled);
    }
}
