package dev.practicetracker.query.processing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Empties every read model before a rebuild replays the event store into them. */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
class ReadModelReset {

    private static final Logger log = LoggerFactory.getLogger(ReadModelReset.class);

    static final String TABLES = "qs_question, qs_cohort, qs_cohort_member, qs_candidate, qs_session, "
            + "qs_session_question, qs_answer, qs_rating, qs_skill_profile, qs_progress_daily";

    private final JdbcTemplate jdbc;

    ReadModelReset(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE " + TABLES);
        log.info("Read models emptied for a rebuild from the event store");
    }
}
