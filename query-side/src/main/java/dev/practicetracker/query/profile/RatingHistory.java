package dev.practicetracker.query.profile;

import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.Theme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

    private final NamedParameterJdbcTemplate jdbc;

    RatingHistory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** All versions for one candidate and theme, oldest first. */
    public List<RatingVersion> versions(String candidateId, Theme theme) {
        return jdbc.query("""
                SELECT session_id, question_id, rater_id, rater_role, mean_score, answered_at, effective_at, revision
                  FROM qs_rating WHERE candidate_id = :candidate AND theme = :theme
                 ORDER BY effective_at, event_id
                """, new MapSqlParameterSource("candidate", candidateId).addValue("theme", theme.id()), ROW);
    }

    /** All versions for one candidate, by theme, oldest first. */
    public Map<Theme, List<RatingVersion>> versionsByTheme(String candidateId) {
        Map<Theme, List<RatingVersion>> byTheme = new LinkedHashMap<>();
        jdbc.query("""
                SELECT theme, session_id, question_id, rater_id, rater_role, mean_score, answered_at, effective_at,
                       revision
                  FROM qs_rating WHERE candidate_id = :candidate
                 ORDER BY effective_at, event_id
                """, new MapSqlParameterSource("candidate", candidateId), rs -> {
            byTheme.computeIfAbsent(Theme.fromId(rs.getString("theme")), theme -> new ArrayList<>())
                    .add(ROW.mapRow(rs, 0));
        });
        return byTheme;
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
