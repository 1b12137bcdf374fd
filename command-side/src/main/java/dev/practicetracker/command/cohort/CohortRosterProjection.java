package dev.practicetracker.command.cohort;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CandidateWithdrawnEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Enrolments as the write side needs them, kept in the same transaction as the cohort's events. */
@Component
@ProcessingGroup(CohortRosterProjection.GROUP)
class CohortRosterProjection implements CohortRoster {

    static final String GROUP = "cohort-roster";

    private final NamedParameterJdbcTemplate jdbc;

    CohortRosterProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
