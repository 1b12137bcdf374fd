package dev.practicetracker.query.processing;

import dev.practicetracker.events.CandidateId;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The candidates the events have mentioned, or who have a candidate account, so an unknown candidate can be told from
 * one with no practice yet.
 */
@Component
public class Candidates {

    private final JdbcClient jdbc;

    Candidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void seen(CandidateId candidateId, Instant at) {
        jdbc.sql("""
                INSERT INTO qs_candidate (candidate_id, first_seen_at) VALUES (:id, :at)
                ON CONFLICT (candidate_id) DO UPDATE SET first_seen_at = LEAST(qs_candidate.first_seen_at, EXCLUDED.first_seen_at)
                """)
                .param("id", candidateId.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    public void practised(CandidateId candidateId, Instant at) {
        seen(candidateId, at);
        jdbc.sql("""
                UPDATE qs_candidate SET last_practised_at = GREATEST(COALESCE(last_practised_at, :at), :at)
                 WHERE candidate_id = :id
                """)
                .param("id", candidateId.value())
                .param("at", Timestamp.from(at))
                .update();
    }

    public boolean exists(String candidateId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM qs_candidate WHERE candidate_id = :id)
                            OR EXISTS (SELECT 1 FROM qs_accounts WHERE account_id = :id AND role = 'candidate')
                        """).param("id", candidateId).query(Boolean.class).single();
    }
}
