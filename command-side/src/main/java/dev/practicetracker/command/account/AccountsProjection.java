package dev.practicetracker.command.account;

import dev.practicetracker.command.Duplicate;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.PersonalData;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.account.AccountCreatedEvent;
import dev.practicetracker.events.account.AccountLockedEvent;
import dev.practicetracker.events.account.AccountRoleChangedEvent;
import dev.practicetracker.events.account.AccountSignedOutEverywhereEvent;
import dev.practicetracker.events.account.AccountUnlockedEvent;
import dev.practicetracker.events.account.AccountWithdrawnEvent;
import dev.practicetracker.events.account.PasswordChangedEvent;
import dev.practicetracker.events.account.PersonErasedEvent;
import dev.practicetracker.events.account.RetentionPolicySetEvent;
import dev.practicetracker.security.AccountDirectory;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The write side's record of accounts, updated by a subscribing processor in the same transaction as the account's
 * events (a failure here rolls the command back), and read on every request to check the token's account. Primary
 * for the one-process app, where the query side's directory is in the same context: this one is never behind the
 * events, since it is written in their transaction. Alone, it is the only directory and being primary changes nothing.
 */
@Component
@Primary
@ProcessingGroup(AccountsProjection.GROUP)
class AccountsProjection implements AccountRegistry, AccountDirectory {

    static final String GROUP = "accounts";

    private static final String REVOKE = "credentials_version = :sequence";

    private static final RowMapper<Entry> ROW = (rs, i) -> new Entry(
            PersonId.of(rs.getString("account_id")),
            rs.getString("username"),
            rs.getString("display_name"),
            Role.fromId(rs.getString("role")),
            Status.valueOf(rs.getString("status")),
            rs.getLong("credentials_version"));

    private final JdbcClient jdbc;

    AccountsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountCreatedEvent event) {
        try {
            jdbc.sql("""
                    INSERT INTO command_accounts (account_id, username, display_name, role, status)
                    VALUES (:id, :username, :displayName, :role, 'ACTIVE')
                    """)
                    .param("id", event.accountId().value())
                    .param("username", event.username())
                    .param("displayName", event.displayName())
                    .param("role", event.role().id())
                    .update();
        } catch (DuplicateKeyException e) {
            // Two nodes created the same username at the same moment: the unique index lets only the first commit.
            throw new Duplicate("the username '" + event.username() + "' is taken");
        }
    }

    // Each change below but an unlock cuts off the tokens issued before it: the row's credentials version becomes the
    // event's sequence number. An unlock does not raise it, and so brings no earlier token back.

    @EventHandler
    void on(AccountRoleChangedEvent event, @SequenceNumber long sequence) {
        update("role = :value, " + REVOKE, event.accountId(), event.role().id(), sequence);
    }

    @EventHandler
    void on(AccountLockedEvent event, @SequenceNumber long sequence) {
        update("status = :value, " + REVOKE, event.accountId(), Status.LOCKED.name(), sequence);
    }

    @EventHandler
    void on(AccountUnlockedEvent event, @SequenceNumber long sequence) {
        update("status = :value", event.accountId(), Status.ACTIVE.name(), sequence);
    }

    @EventHandler
    void on(AccountWithdrawnEvent event, @SequenceNumber long sequence) {
        jdbc.sql("UPDATE command_accounts SET withdrawn_at = :at WHERE account_id = :id")
                .param("at", Timestamp.from(event.withdrawnAt()))
                .param("id", event.accountId().value())
                .update();
        update("status = :value, " + REVOKE, event.accountId(), Status.WITHDRAWN.name(), sequence);
    }

    @EventHandler
    void on(PasswordChangedEvent event, @SequenceNumber long sequence) {
        update(REVOKE, event.accountId(), null, sequence);
    }

    @EventHandler
    void on(AccountSignedOutEverywhereEvent event, @SequenceNumber long sequence) {
        update(REVOKE, event.accountId(), null, sequence);
    }

    /**
     * Nothing of the person stays: the name reads as the placeholder, the username becomes one nobody can type (a
     * username has no '~'; unique per account). The password hash was deleted with the erasure itself.
     */
    @EventHandler
    void on(PersonErasedEvent event, @SequenceNumber long sequence) {
        jdbc.sql("UPDATE command_accounts SET erased_at = :at WHERE account_id = :id")
                .param("at", Timestamp.from(event.erasedAt()))
                .param("id", event.accountId().value())
                .update();
        update(
                "username = '~' || md5(account_id), display_name = :value, " + REVOKE,
                event.accountId(),
                PersonalData.Kind.NAME.placeholder(),
                sequence);
    }

    /** The retention policy beside the accounts it applies to: one row, replaced by each change. */
    @EventHandler
    void on(RetentionPolicySetEvent event) {
        jdbc.sql("""
                INSERT INTO command_retention_policy (policy_id, withdrawn_erased_after, set_by, set_at)
                VALUES (:id, make_interval(secs => :seconds), :setBy, :setAt)
                ON CONFLICT (policy_id) DO UPDATE SET withdrawn_erased_after = excluded.withdrawn_erased_after,
                    set_by = excluded.set_by, set_at = excluded.set_at
                """)
                .param("id", RetentionPolicySetEvent.POLICY_ID)
                .param(
                        "seconds",
                        event.withdrawnErasedAfter() == null
                                ? null
                                : (double) event.withdrawnErasedAfter().toSeconds(),
                        Types.DOUBLE)
                .param("setBy", event.setBy().value())
                .param("setAt", Timestamp.from(event.setAt()))
                .update();
    }

    /**
     * Withdrawn accounts whose person is still kept although the retention period has passed, oldest withdrawal
     * first; empty while no period is set.
     */
    List<PersonId> dueForErasure(Instant now, int limit) {
        return jdbc.sql("""
                SELECT a.account_id FROM command_accounts a JOIN command_retention_policy p ON p.withdrawn_erased_after IS NOT NULL
                 WHERE a.withdrawn_at IS NOT NULL AND a.erased_at IS NULL
                   AND a.withdrawn_at + p.withdrawn_erased_after <= :now
                 ORDER BY a.withdrawn_at LIMIT :limit
                """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((row, n) -> PersonId.of(row.getString(1)))
                .list();
    }

    /** The policy's period and who set it, if one was set. */
    Optional<RetentionPolicyView> retentionPolicy() {
        return jdbc.sql("SELECT extract(epoch FROM withdrawn_erased_after)::bigint AS seconds, set_by, set_at"
                        + " FROM command_retention_policy")
                .query((row, n) -> {
                    long seconds = row.getLong("seconds");
                    return new RetentionPolicyView(
                            row.wasNull() ? null : Duration.ofSeconds(seconds),
                            PersonId.of(row.getString("set_by")),
                            row.getTimestamp("set_at").toInstant());
                })
                .optional();
    }

    record RetentionPolicyView(Duration withdrawnErasedAfter, PersonId setBy, Instant setAt) {}

    private void update(String assignment, PersonId accountId, String value, long sequence) {
        int rows = jdbc.sql("UPDATE command_accounts SET " + assignment + " WHERE account_id = :id")
                .param("id", accountId.value())
                .param("value", value)
                .param("sequence", sequence)
                .update();
        if (rows != 1) {
            throw new IllegalStateException("no account " + accountId + " in the lookup table");
        }
    }

    @Override
    public Optional<Entry> lookup(PersonId accountId) {
        return jdbc.sql("SELECT * FROM command_accounts WHERE account_id = :id")
                .param("id", accountId.value())
                .query(ROW)
                .optional();
    }

    @Override
    public Optional<Entry> findByUsername(String username) {
        if (username.indexOf('\u0000') >= 0) {
            // PostgreSQL text cannot hold a NUL, so no username has one; asked anyway, the database would fail.
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM command_accounts WHERE lower(username) = lower(:username)")
                .param("username", username)
                .query(ROW)
                .optional();
    }

    /** What the filter chain asks on every request. */
    @Override
    public Optional<AccountDirectory.Account> find(PersonId accountId) {
        return lookup(accountId)
                .map(entry -> new AccountDirectory.Account(
                        entry.accountId(), entry.role(), entry.active(), entry.credentialsVersion()));
    }
}
