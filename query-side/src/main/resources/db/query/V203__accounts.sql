-- Who may act on the read side, from the account events: each request's token is checked against this row (exists,
-- active, same role). Never a password hash: the events carry none.
CREATE TABLE qs_accounts (
    account_id   VARCHAR(64)  PRIMARY KEY,
    username     VARCHAR(200) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    role         VARCHAR(16)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    changed_at   TIMESTAMPTZ  NOT NULL,
    -- The sequence number of the last account event applied: replays skip what is already here (no reset on rebuild).
    version      BIGINT       NOT NULL
);
CREATE INDEX qs_accounts_role_idx ON qs_accounts (role, username);
