package dev.practicetracker.query.account;

import dev.practicetracker.events.account.AccountCreatedEvent;
import dev.practicetracker.events.account.AccountLockedEvent;
import dev.practicetracker.events.account.AccountRoleChangedEvent;
import dev.practicetracker.events.account.AccountUnlockedEvent;
import dev.practicetracker.events.account.AccountWithdrawnEvent;
import dev.practicetracker.query.processing.ReadModels;
import dev.practicetracker.query.processing.SavepointPerEvent;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Every account with its current role and status. A withdrawal is final: unlocking does not bring a withdrawn account
 * back. Password changes do not matter here, since tokens are checked by account, role and status only.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
class AccountProjection extends SavepointPerEvent {

    private final NamedParameterJdbcTemplate jdbc;

    AccountProjection(PlatformTransactionManager transactions, NamedParameterJdbcTemplate jdbc) {
        super(transactions);
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE qs_accounts");
    }

    @EventHandler
    void on(AccountCreatedEvent event) {
        jdbc.update(
                """
                INSERT INTO qs_accounts (account_id, username, display_name, role, status, changed_at)
                VALUES (:id, :username, :name, :role, 'active', :at)
                ON CONFLICT (account_id) DO NOTHING
                """,
                new MapSqlParameterSource()
                        .addValue("id", event.accountId().value())
                        .addValue("username", event.username())
                        .addValue("name", event.displayName())
                        .addValue("role", event.role().id())
                        .addValue("at", Timestamp.from(event.createdAt())));
    }

    @EventHandler
    void on(AccountRoleChangedEvent event) {
        update(
                "role = :role",
                event.accountId().value(),
                event.changedAt(),
                event.role().id());
    }

    @EventHandler
    void on(AccountLockedEvent event) {
        update("status = 'locked'", event.accountId().value(), event.lockedAt(), null, "status = 'active'");
    }

    @EventHandler
    void on(AccountUnlockedEvent event) {
        update("status = 'active'", event.accountId().value(), event.unlockedAt(), null, "status = 'locked'");
    }

    @EventHandler
    void on(AccountWithdrawnEvent event) {
        update("status = 'withdrawn'", event.accountId().value(), event.withdrawnAt(), null);
    }

    private void update(String set, String accountId, Instant at, String role) {
        update(set, accountId, at, role, "TRUE");
    }

    private void update(String set, String accountId, Instant at, String role, String when) {
        jdbc.update(
                "UPDATE qs_accounts SET " + set + ", changed_at = :at WHERE account_id = :id AND " + when,
                new MapSqlParameterSource()
                        .addValue("id", accountId)
                        .addValue("at", Timestamp.from(at))
                        .addValue("role", role));
    }
}
