package dev.practicetracker.query.account;

import dev.practicetracker.events.PersonalData;
import io.swagger.v3.oas.annotations.Operation;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The retention period for withdrawn accounts and what it will do next, for the admin page. */
@RestController("retentionQueryController") // the command side has a RetentionController too, and the app has both
class RetentionController {

    private final JdbcClient jdbc;

    RetentionController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code withdrawnErasedAfter} null: erased only by hand (also before any period was set, when {@code setBy} is
     * null). {@code awaitingErasure}: withdrawn accounts whose person is still kept; {@code nextErasureAt}: when the
     * first of them is erased under this period (null without one). Times in UTC.
     */
    record Retention(
            Duration withdrawnErasedAfter,
            Long withdrawnErasedAfterDays,
            String setBy,
            String setByName,
            Instant setAt,
            long awaitingErasure,
            Instant nextErasureAt) {}

    @Operation(summary = "How long withdrawn accounts' persons are kept, and which erasure comes next (an admin)")
    @GetMapping("/api/admin/retention")
    Retention retention() {
        return jdbc.sql("""
                SELECT p.withdrawn_erased_after_seconds AS seconds, p.set_by, s.display_name AS set_by_name, p.set_at,
                       (SELECT count(*) FROM qs_accounts a WHERE a.status = 'withdrawn' AND a.username <> :erased)
                           AS awaiting,
                       (SELECT min(a.changed_at) FROM qs_accounts a WHERE a.status = 'withdrawn' AND a.username <> :erased)
                           AS first_withdrawn
                  FROM (SELECT 1) one
                  LEFT JOIN qs_retention_policy p ON TRUE
                  LEFT JOIN qs_accounts s ON s.account_id = p.set_by
                """)
                .param("erased", PersonalData.Kind.NAME.placeholder())
                .query((row, n) -> {
                    long seconds = row.getLong("seconds");
                    Duration period = row.wasNull() ? null : Duration.ofSeconds(seconds);
                    Timestamp setAt = row.getTimestamp("set_at");
                    Timestamp first = row.getTimestamp("first_withdrawn");
                    return new Retention(
                            period,
                            period == null ? null : period.toDays(),
                            row.getString("set_by"),
                            row.getString("set_by_name"),
                            setAt == null ? null : setAt.toInstant(),
                            row.getLong("awaiting"),
                            period == null || first == null
                                    ? null
                                    : first.toInstant().plus(period));
                })
                .single();
    }
}
