package dev.practicetracker.query.review;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How many answers wait for a coach's rating, per candidate of one cohort: the review queue's rule, counted. */
@Component
public class WaitingAnswers {

    private final JdbcClient jdbc;

    WaitingAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Candidate id to the number of their answers in {@code cohortId} waiting; a candidate with none is absent. */
    public Map<String, Long> byCandidate(String cohortId) {
        Map<String, Long> waiting = new HashMap<>();
        jdbc.sql("SELECT a.candidate_id, COUNT(*) AS waiting" + ReviewQueue.PENDING_FROM
                        + " WHERE a.cohort_id = :cohort AND " + ReviewQueue.WAITING + " GROUP BY a.candidate_id")
                .param("cohort", cohortId)
                .query(rs -> {
                    waiting.put(rs.getString("candidate_id"), rs.getLong("waiting"));
                });
        return waiting;
    }
}
