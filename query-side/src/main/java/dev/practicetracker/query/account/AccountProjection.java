package dev.practicetracker.query.account;

import dev.practicetracker.events.PersonalData;
import dev.practicetracker.events.account.AccountCreatedEvent;
import dev.practicetracker.events.account.AccountLockedEvent;
import dev.practicetracker.events.account.AccountRoleChangedEvent;
import dev.practicetracker.events.account.AccountSignedOutEverywhereEvent;
import dev.practicetracker.events.account.AccountUnlockedEvent;
import dev.practicetracker.events.account.AccountWithdrawnEvent;
import dev.practicetracker.events.account.PasswordChangedEvent;
import dev.practicetracker.events.account.PersonErasedEvent;
import dev.practicetracker.eventstore.personal.PersonKeys;
import dev.practicetracker.query.processing.ReadModels;
import dev.practicetracker.query.processing.SavepointPerEvent;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Every account with its current role, status and credentials version. A withdrawal is final: unlocking does not bring
 * a withdrawn account back. A role change, a lock, a withdrawal, a password change and signing out everywhere raise the
 * credentials version to the event's sequence number, which refuses every token issued before it; an unlock does not.
 *
 * <p>A read-model rebuild does not empty this table: every request's token is checked against it, and emptying it would
 * refuse everyone, the admin watching the rebuild included, until the account events were replayed. Each row keeps the
 * sequence number of the last event applied, and an event at or below it is skipped, so a replay changes nothing and
 * never passes through an older state (a locked account briefly active again).
 */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
class AccountProjection extends SavepointPerEvent {

    /** Never lowered, also when the migration set it from events this projection had not yet applied. */
    private static final String REVOKE = "credentials_version = GREATEST(credentials_version, :version)";

    private final JdbcClient jdbc;
    private final PersonKeys keys;

    AccountProjection(PlatformTransactionManager transactions, JdbcClient jdbc, PersonKeys keys) {
        super(transactions);
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @EventHandler
    void on(AccountCreatedEvent event, @SequenceNumber long sequence) {
        jdbc.sql("""
                INSERT INTO qs_accounts (account_id, username, display_name, role, status, changed_at, version)
                VALUES (:id, :username, :name, :role, 'active', :at, :version)
                ON CONFLICT (account_id) DO NOTHING
                """)
                .param("id", event.accountId().value())
                .param("username", event.username())
                .param("name", event.displayName())
                .param("role", event.role().id())
                .param("at", Timestamp.from(event.createdAt()))
                .param("version", sequence)
                .update();
    }

    @EventHandler
    void on(AccountRoleChangedEvent event, @SequenceNumber long sequence) {
        update(
                "role = :role, " + REVOKE,
                event.accountId().value(),
                sequence,
                event.changedAt(),
                event.role().id(),
                "TRUE");
    }

    @EventHandler
    void on(AccountLockedEvent event, @SequenceNumber long sequence) {
        update(
                "status = 'locked', " + REVOKE,
                event.accountId().value(),
                sequence,
                event.lockedAt(),
                null,
                "status = 'active'");
    }

    @EventHandler
    void on(AccountUnlockedEvent event, @SequenceNumber long sequence) {
        update("status = 'active'", event.accountId().value(), sequence, event.unlockedAt(), null, "status = 'locked'");
    }

    @EventHandler
    void on(AccountWithdrawnEvent event, @SequenceNumber long sequence) {
        update(
                "status = 'withdrawn', " + REVOKE,
                event.accountId().value(),
                sequence,
                event.withdrawnAt(),
                null,
                "TRUE");
    }

    @EventHandler
    void on(PasswordChangedEvent event, @SequenceNumber long sequence) {
        update(REVOKE, event.accountId().value(), sequence, event.changedAt(), null, "TRUE");
    }

    @EventHandler
    void on(AccountSignedOutEverywhereEvent event, @SequenceNumber long sequence) {
        update(REVOKE, event.accountId().value(), sequence, event.signedOutAt(), null, "TRUE");
    }

    /**
     * The row stays (the account's id is in every other read model) with the placeholder for its names, as a rebuild
     * would write it; this node stops using the key it may have cached, so no replay here reads the person again.
     */
    @EventHandler
    void on(PersonErasedEvent event, @SequenceNumber long sequence) {
        keys.forget(event.accountId().value());
        jdbc.sql(
                        "UPDATE qs_accounts SET username = :erased, display_name = :erased, version = GREATEST(version, :version)"
                                + " WHERE account_id = :id")
                .param("id", event.accountId().value())
                .param("erased", PersonalData.Kind.NAME.placeholder())
                .param("version", sequence)
                .update();
    }

    /** Applies an event newer than the row's last, when the row is in the state {@code when} names. */
    private void update(String set, String accountId, long sequence, Instant at, String role, String when) {
        jdbc.sql("UPDATE qs_accounts SET version = :version, " + set + ", changed_at = :at"
                        + " WHERE account_id = :id AND version < :version AND " + when)
                .param("id", accountId)
                .param("version", sequence)
                .param("at", Timestamp.from(at))
                .param("role", role)
                .update();
    }
}
