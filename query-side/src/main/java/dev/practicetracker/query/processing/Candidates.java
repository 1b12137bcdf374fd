package dev.practicetracker.query.processing;

import dev.practicetracker.events.CandidateId;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The candidates the events have mentioned, or who have a candidate account, so an unknown candidate can be told from
 * one with no practice yet.
 */
@Component
public class Candidates {

    private final NamedParameterJdbcTemplate jdbc;

    Candidates(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void seen(CandidateId candidateId, Instant at) {
        jdbc.update("""
                INSERT INTO qs_candidate (candidate_id, first_seen_at) VALUES (:id, :at)
                ON CONFLICT (candidate_id) DO UPDATE SET first_seen_at = LEAST(qs_candidate.first_seen_at, EXCLUDED.first_seen_at)
                """, new MapSqlParameterSource("id", candidateId.value()).addValue("at", Timestamp.from(at)));
    }

    public void practised(CandidateId candidateId, Instant at) {
        seen(candidateId, at);
        jdbc.update("""
                UPDATE qs_candidate SET last_practised_at = GREATEST(COALESCE(last_practised_at, :at), :at)
                 WHERE candidate_id = :id
                """, new MapSqlParameterSource("id", candidateId.value()).addValue("at", Timestamp.from(at)));
    }

    public boolean exists(String candidateId) {
        Boolean found = jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM qs_candidate WHERE candidate_id = :id)
                    OR EXISTS (SELECT 1 FROM qs_accounts WHERE account_id = :id AND role = 'candidate')
                """, new MapSqlParameterSource("id", candidateId), Boolean.class);
        return Boolean.TRUE.equals(found);
    }
}
