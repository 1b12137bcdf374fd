package dev.practicetracker.query.cohort;

import dev.practicetracker.query.web.NotFound;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The coaches the read side knows: those running a cohort now. The read model keeps only each cohort's current coach,
 * so a coach whose every cohort was handed over is unknown again, as is one who never ran a cohort.
 */
@Component
public class Coaches {

    private final NamedParameterJdbcTemplate jdbc;

    Coaches(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws {@link NotFound} ("there is no coach X") unless {@code coachId} runs at least one cohort. */
    public void require(String coachId) {
        Boolean found = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM qs_cohort WHERE coach_id = :coach)",
                new MapSqlParameterSource("coach", coachId),
                Boolean.class);
        if (!Boolean.TRUE.equals(found)) {
            throw new NotFound("coach", coachId);
        }
    }
}
