-- The programme's retention period for withdrawn accounts, as the admin last set it (RetentionPolicySetEvent): the
-- admin page shows it with the accounts it will erase and when. One row once a period was set.
CREATE TABLE qs_retention_policy (
    id                             SMALLINT     PRIMARY KEY CHECK (id = 1),
    -- NULL: withdrawn accounts are erased only by hand.
    withdrawn_erased_after_seconds BIGINT,
    set_by                         VARCHAR(64)  NOT NULL,
    set_at                         TIMESTAMPTZ  NOT NULL
);
