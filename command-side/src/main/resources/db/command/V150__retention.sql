-- Automatic erasure of withdrawn accounts after the admin's retention period (RetentionPolicy): when each account was
-- withdrawn and whether its person was erased, and the period itself, kept with the account events' transaction.
ALTER TABLE command_accounts ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE command_accounts ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;

-- Accounts withdrawn or erased before these columns existed, from their events (neither field is personal data).
UPDATE command_accounts a
   SET withdrawn_at = (e.event ->> 'withdrawnAt')::timestamptz
  FROM (SELECT aggregate_identifier, convert_from(payload, 'UTF8')::jsonb AS event
          FROM domain_event_entry WHERE payload_type = 'dev.practicetracker.events.account.AccountWithdrawnEvent') e
 WHERE a.account_id = e.aggregate_identifier;
UPDATE command_accounts a
   SET erased_at = (e.event ->> 'erasedAt')::timestamptz
  FROM (SELECT aggregate_identifier, convert_from(payload, 'UTF8')::jsonb AS event
          FROM domain_event_entry WHERE payload_type = 'dev.practicetracker.events.account.PersonErasedEvent') e
 WHERE a.account_id = e.aggregate_identifier;

CREATE INDEX command_accounts_awaiting_erasure_idx ON command_accounts (withdrawn_at)
    WHERE withdrawn_at IS NOT NULL AND erased_at IS NULL;

CREATE TABLE command_retention_policy (
    policy_id              VARCHAR(64)              PRIMARY KEY,
    withdrawn_erased_after INTERVAL,
    set_by                 VARCHAR(64)              NOT NULL,
    set_at                 TIMESTAMP WITH TIME ZONE NOT NULL
);
