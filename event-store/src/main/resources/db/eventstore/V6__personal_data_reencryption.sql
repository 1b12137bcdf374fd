-- Events written before personal fields were sealed hold them in clear. The first start after this change seals them
-- once (PersonalDataReencryption) and records it here; a database without events has nothing to seal.
CREATE TABLE IF NOT EXISTS personal_data_reencryption (
    id           INT         PRIMARY KEY CHECK (id = 1),
    done_at      TIMESTAMPTZ NOT NULL,
    events_fixed BIGINT      NOT NULL
);

INSERT INTO personal_data_reencryption (id, done_at, events_fixed)
SELECT 1, now(), 0
 WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry)
ON CONFLICT (id) DO NOTHING;
