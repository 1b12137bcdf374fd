-- Who may act on the write side, kept in the same transaction as the account events: the login looks names up here,
-- and every request checks the token's account against it.
CREATE TABLE command_accounts (
    account_id   VARCHAR(64) PRIMARY KEY,
    username     VARCHAR(64) NOT NULL,
    display_name TEXT        NOT NULL,
    role         VARCHAR(16) NOT NULL,
    status       VARCHAR(16) NOT NULL
);
-- Usernames are stored lower-case; the index makes two concurrent creations of one name fail the second.
CREATE UNIQUE INDEX command_accounts_username_idx ON command_accounts (lower(username));

-- Password hashes (bcrypt, in Spring Security's {id} format), never part of an event.
CREATE TABLE command_credentials (
    account_id    VARCHAR(64)              PRIMARY KEY,
    password_hash TEXT                     NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Who coaches which cohort now, so a rating's role can be derived from the rater's account.
CREATE TABLE command_cohort_coach (
    cohort_id VARCHAR(64) PRIMARY KEY,
    coach_id  VARCHAR(64) NOT NULL
);
CREATE INDEX command_cohort_coach_coach_idx ON command_cohort_coach (coach_id);
