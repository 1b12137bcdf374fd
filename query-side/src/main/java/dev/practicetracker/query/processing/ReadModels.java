package dev.practicetracker.query.processing;

import java.util.List;

/** Names shared by the projections and the processor that runs them. */
public final class ReadModels {

    /** The processing group of every projection, and so the name of its processor, token and dead-letter queue. */
    public static final String PROCESSOR = "read-models";

    /**
     * The processor that fills a rebuild's fresh tables, beside the live one; its tokens and dead letters become the
     * live processor's when the rebuild's tables are swapped in.
     */
    public static final String REBUILD_PROCESSOR = "read-models-rebuild";

    /**
     * Every read-model table a rebuild fills afresh and swaps in: each projection's tables are registered here, and a
     * table missing from this list would be written into the live table during a rebuild. Not {@code qs_accounts}, which
     * a rebuild keeps (see the account projection) and whose replayed events change nothing.
     */
    public static final List<String> REBUILT_TABLES = List.of(
            "qs_question",
            "qs_cohort",
            "qs_cohort_member",
            "qs_candidate",
            "qs_session",
            "qs_session_question",
            "qs_answer",
            "qs_rating",
            "qs_skill_profile",
            "qs_progress_daily",
            "qs_retention_policy");

    private ReadModels() {}
}
