-- Tokens carry the credentials version of their account when issued; a token below the row's version is refused. The
-- version is the sequence number of the account's last event that cut off earlier tokens: a role change, a lock, a
-- withdrawal, a password change, or signing out everywhere (an unlock does not). Accounts created before this column
-- get it from their events.
ALTER TABLE command_accounts ADD COLUMN credentials_version BIGINT NOT NULL DEFAULT 0;

UPDATE command_accounts AS a
   SET credentials_version = revoking.last_sequence
  FROM (SELECT aggregate_identifier, MAX(sequence_number) AS last_sequence
          FROM domain_event_entry
         WHERE payload_type IN ('dev.practicetracker.events.account.AccountRoleChangedEvent',
                                'dev.practicetracker.events.account.AccountLockedEvent',
                                'dev.practicetracker.events.account.AccountWithdrawnEvent',
                                'dev.practicetracker.events.account.PasswordChangedEvent')
         GROUP BY aggregate_identifier) AS revoking
 WHERE a.account_id = revoking.aggregate_identifier;
