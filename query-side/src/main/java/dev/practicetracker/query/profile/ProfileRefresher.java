package dev.practicetracker.query.profile;

import dev.practicetracker.events.Theme;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the stored profile rows, which Grafana and the cohort gauges read with SQL, as of the present rather than as
 * of each candidate's last event: every {@code tracker.profile.refresh-interval} each row is restated as of now by
 * the same estimator the profile endpoint runs, so a candidate idle for weeks shows there the same grown uncertainty
 * (and lost "enough evidence") as in the app. Recomputing in Java rather than decaying in SQL keeps one implementation
 * of the filter: the trend needs the ratings themselves (it is smoothed over the trend window), not a summary a SQL
 * function could extrapolate.
 *
 * <p>One row per transaction, so the refresh never holds one row's lock while waiting for another's, and so never
 * deadlocks with a projection batch writing several rows of the same candidate.
 */
@Component
class ProfileRefresher {

    private static final Logger log = LoggerFactory.getLogger(ProfileRefresher.class);

    private final JdbcClient jdbc;
    private final ProfileUpdater updater;
    private final TransactionTemplate transactions;

    ProfileRefresher(JdbcClient jdbc, ProfileUpdater updater, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.updater = updater;
        this.transactions = transactions;
    }

    @Scheduled(
            fixedDelayString = "${tracker.profile.refresh-interval}",
            initialDelayString = "${tracker.profile.refresh-interval}")
    void refreshNow() {
        try {
            int restated = refresh(Instant.now());
            log.debug("Restated {} stored profile rows as of now", restated);
        } catch (DataAccessException e) {
            log.warn("Could not restate the stored profiles; they stay as of their last refresh: {}", e.getMessage());
        }
    }

    /** Restates every stored row older than {@code now} as of {@code now}; returns how many were restated. */
    int refresh(Instant now) {
        return refresh(null, now);
    }

    /**
     * Restates the stored rows of one candidate, or of everyone when {@code candidateId} is null, that are older than
     * {@code now}, as of {@code now}; returns how many were restated.
     */
    int refresh(String candidateId, Instant now) {
        // The rows store microseconds; a row restated at this instant must compare equal to it next time.
        Instant asOf = now.truncatedTo(ChronoUnit.MICROS);
        record Key(String candidateId, String theme) {}
        List<Key> stale = jdbc.sql("""
                        SELECT candidate_id, theme FROM qs_skill_profile
                         WHERE as_of < :asOf AND (CAST(:candidate AS VARCHAR) IS NULL OR candidate_id = :candidate)
                        """)
                .param("asOf", Timestamp.from(asOf))
                .param("candidate", candidateId)
                .query(Key.class)
                .list();
        int restated = 0;
        for (Key key : stale) {
            Boolean done =
                    transactions.execute(status -> updater.restate(key.candidateId(), Theme.fromId(key.theme()), asOf));
            if (Boolean.TRUE.equals(done)) {
                restated++;
            }
        }
        return restated;
    }
}
