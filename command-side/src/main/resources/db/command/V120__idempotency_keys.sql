-- Idempotency keys of commands (the Idempotency-Key header): written in the same transaction as the command's events,
-- so a key is stored exactly when its command's events are, on whichever node handled it. A retry with the same key
-- and the same request gets the stored result back instead of deciding the command again.
CREATE TABLE command_idempotency_keys (
    caller_id       VARCHAR(64)              NOT NULL,
    idempotency_key VARCHAR(255)             NOT NULL,
    -- SHA-256 of the method, the path and the body, hex: the same key with another request is refused.
    fingerprint     CHAR(64)                 NOT NULL,
    -- The command handler's result, serialized as events are; null type when the handler returned nothing.
    result_type     TEXT,
    result_revision TEXT,
    result          TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (caller_id, idempotency_key)
);
-- The purge of expired keys reads by age.
CREATE INDEX command_idempotency_keys_created_idx ON command_idempotency_keys (created_at);
