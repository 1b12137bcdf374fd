package dev.practicetracker.query.processing;

/** Names shared by the projections and the processor that runs them. */
public final class ReadModels {

    /** The processing group of every projection, and so the name of its processor, token and dead-letter queue. */
    public static final String PROCESSOR = "read-models";

    private ReadModels() {}
}
