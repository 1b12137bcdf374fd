-- The event store of Axon's JDBC engine, shared by the command side (writes) and the query side (reads).
-- Payloads are JSON in bytea (never large objects); the global index is a BIGSERIAL, so every node takes the next
-- number from one sequence without pooled blocks, and tracking processors see events in commit order with only
-- the short-lived gaps of rolled-back or in-flight transactions.

CREATE TABLE IF NOT EXISTS domain_event_entry (
    global_index         BIGSERIAL    NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (global_index),
    UNIQUE (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

CREATE TABLE IF NOT EXISTS snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    UNIQUE (event_identifier)
);

-- Readers in other processes learn of new events at commit time instead of polling: one notification per
-- transaction that appended events (PostgreSQL folds duplicates within a transaction).
CREATE OR REPLACE FUNCTION notify_events_appended() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('tracker_events_appended', '');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS events_appended ON domain_event_entry;
CREATE TRIGGER events_appended
    AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended();
