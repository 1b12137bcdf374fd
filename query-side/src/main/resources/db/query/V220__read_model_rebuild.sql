-- The read-model rebuild in progress, if any: one row while it runs, so that a restart resumes it. The rebuild fills
-- fresh copies of the read-model tables in the schema named here, beside the live ones, and swaps them in at the end
-- in one transaction (ReadModelRebuild); until then readers see the live tables only.
CREATE TABLE qs_read_model_rebuild (
    id             SMALLINT     PRIMARY KEY CHECK (id = 1),
    build_schema   VARCHAR(63)  NOT NULL,
    started_at     TIMESTAMPTZ  NOT NULL,
    -- The head of the event store when it began: what "events done" is counted against.
    events_total   BIGINT       NOT NULL
);
