-- One key per person for the personal fields of their events (names, answers, comments, reasons), kept apart from the
-- event table: the events never change, and erasing a person deletes only their key here. The key is stored wrapped
-- (AES-GCM under the master key from TRACKER_PERSONAL_DATA_KEY). An erased person keeps a row without a key, so that
-- nothing written after the erasure gets a new key and every reader knows the fields are gone, not merely missing.
CREATE TABLE IF NOT EXISTS person_key (
    person_id   VARCHAR(64) PRIMARY KEY,
    wrapped_key BYTEA,
    created_at  TIMESTAMPTZ NOT NULL,
    erased_at   TIMESTAMPTZ,
    CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);
