package dev.practicetracker.query.profile;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Live updates across query nodes. The node whose processor changed a profile announces it with a PostgreSQL
 * {@code NOTIFY} in the projection's own transaction, so it is sent at commit and never for a change rolled back; every
 * node (the announcing one too) listens on its own connection and tells its local subscribers. A subscriber's stream
 * thus stays live whichever node it is connected to and whichever node processes the candidate's segment: Axon's
 * subscription queries alone reach only the JVM that emits.
 */
@Component
class ProfileChanges {

    /** The payload is the candidate id alone: well under the 8,000 bytes a notification may carry. */
    static final String CHANNEL = "tracker_profile_changed";

    private final JdbcClient jdbc;
    private final QueryUpdateEmitter updates;

    ProfileChanges(JdbcClient jdbc, QueryUpdateEmitter updates) {
        this.jdbc = jdbc;
        this.updates = updates;
    }

    /**
     * Joins the caller's transaction. PostgreSQL folds identical notifications of one transaction into one, so a batch
     * of a candidate's events announces the candidate once.
     */
    void announce(String candidate) {
        jdbc.sql("SELECT pg_notify(:channel, :candidate)")
                .param("channel", CHANNEL)
                .param("candidate", candidate)
                .query()
                .listOfRows();
    }

    void tellSubscribers(ProfileChanged changed) {
        updates.emit(FindSkillProfileQuery.class, query -> changed.concerns(query.candidateId()), changed);
    }
}
