package dev.practicetracker.query.profile;

import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.Theme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every version of every rating a candidate received, from which any past moment's ratings can be recovered. */
@Component
public class RatingHistory {

    private static final RowMapper<RatingVersion> ROW = (rs, i) -> new RatingVersion(
            rs.getString("session_id"),
            rs.getString("question_id"),
            rs.getString("rater_id"),
            RaterRole.fromId(rs.getString("rater_role")),
            rs.getDouble("mean_score"),
            rs.getTimestamp("answered_at").toInstant(),
            rs.getTimestamp("effective_at").toInstant(),
            rs.getBoolean("revision"));

    private final JdbcClient jdbc;

    RatingHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All versions for one candidate and theme, oldest first. */
    public List<RatingVersion> versions(String candidateId, Theme theme) {
        return jdbc.sql("""
                        SELECT session_id, question_id, rater_id, rater_role, mean_score, answered_at, effective_at,
                               revision
                          FROM qs_rating WHERE candidate_id = :candidate AND theme = :theme
                         ORDER BY effective_at, event_id
                        """)
                .param("candidate", candidateId)
                .param("theme", theme.id())
                .query(ROW)
                .list();
    }

    /** All versions for one candidate, by theme, oldest first. */
    public Map<Theme, List<RatingVersion>> versionsByTheme(String candidateId) {
        Map<Theme, List<RatingVersion>> byTheme = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT theme, session_id, question_id, rater_id, rater_role, mean_score, answered_at, effective_at,
                       revision
                  FROM qs_rating WHERE candidate_id = :candidate
                 ORDER BY effective_at, event_id
                """).param("candidate", candidateId).query(rs -> {
            byTheme.computeIfAbsent(Theme.fromId(rs.getString("theme")), theme -> new ArrayList<>())
                    .add(ROW.mapRow(rs, 0));
        });
        return byTheme;
    }

    /** All versions for every candidate enrolled in a cohort now, by candidate and theme, oldest first. */
    public Map<String, Map<Theme, List<RatingVersion>>> versionsInCohort(String cohortId) {
        Map<String, Map<Theme, List<RatingVersion>>> byCandidate = new HashMap<>();
        jdbc.sql("""
                SELECT r.candidate_id, r.theme, r.session_id, r.question_id, r.rater_id, r.rater_role, r.mean_score,
                       r.answered_at, r.effective_at, r.revision
                  FROM qs_rating r
                  JOIN qs_cohort_member m ON m.candidate_id = r.candidate_id
                 WHERE m.cohort_id = :cohort AND m.enrolled
                 ORDER BY r.effective_at, r.event_id
                """).param("cohort", cohortId).query(rs -> {
            byCandidate
                    .computeIfAbsent(rs.getString("candidate_id"), id -> new EnumMap<>(Theme.class))
                    .computeIfAbsent(Theme.fromId(rs.getString("theme")), theme -> new ArrayList<>())
                    .add(ROW.mapRow(rs, 0));
        });
        return byCandidate;
    }

    /**
     * The ratings in force at {@code asOf}: per answer and rater, the latest version effective at or before it. Each
     * becomes an observation dated when the answer was given, since that is when the skill was shown.
     */
    public static List<RatingObservation> inForce(Collection<RatingVersion> versions, Instant asOf) {
        Map<String, RatingVersion> latest = new LinkedHashMap<>();
        for (RatingVersion version : versions) {
            if (!version.effectiveAt().isAfter(asOf)) {
                latest.merge(
                        version.answerKey(),
                        version,
                        (old, candidate) -> candidate.effectiveAt().isBefore(old.effectiveAt()) ? old : candidate);
            }
        }
        List<RatingObservation> observations = new ArrayList<>(latest.size());
        for (RatingVersion version : latest.values()) {
            observations.add(new RatingObservation(version.answeredAt(), version.role(), version.meanScore()));
        }
        return observations;
    }
}
