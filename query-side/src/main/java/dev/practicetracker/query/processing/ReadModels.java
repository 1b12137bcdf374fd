package dev.practicetracker.query.processing;

/** Names shared by the projections and the processor that runs them. */
public final class ReadModels {

    /** The processing group of every projection, and so the name of its processor, token and dead-letter queue. */
    public static final String PROCESSOR = "read-models";

    /**
     * Every read-model table, each emptied by the reset handler of the projection that writes it. Not {@code qs_accounts},
     * which a rebuild keeps (see the account projection).
     */
    public static final String TABLES = "qs_question, qs_cohort, qs_cohort_member, qs_candidate, qs_session, "
            + "qs_session_question, qs_answer, qs_rating, qs_skill_profile, qs_progress_daily";

    private ReadModels() {}
}
