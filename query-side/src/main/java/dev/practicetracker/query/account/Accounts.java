package dev.practicetracker.query.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
import dev.practicetracker.security.AccountDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side's own record of accounts, asked on every request whether a token's account may still act: the query
 * side never takes the command side's word for it. An account the events have not yet told about is unknown (401).
 */
@Component
class Accounts implements AccountDirectory {

    private static final String COLUMNS =
            "account_id, username, display_name, role, status, changed_at, credentials_version";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account as an admin sees it in the list; there is no password hash on the read side at all. */
    record AccountView(
            String accountId,
            String username,
            String displayName,
            Role role,
            String status,
            Instant changedAt,
            @JsonIgnore long credentialsVersion) {}

    @Override
    public Optional<Account> find(PersonId accountId) {
        return view(accountId.value())
                .map(view ->
                        new Account(accountId, view.role(), "active".equals(view.status()), view.credentialsVersion()));
    }

    Optional<AccountView> view(String accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM qs_accounts WHERE account_id = :id")
                .param("id", accountId)
                .query(Accounts::row)
                .optional();
    }

    /** Every account, or those of one role, by username. */
    Page<AccountView> list(Role role, PageRequest page) {
        String where = role == null ? "" : " WHERE role = :role";
        String roleId = role == null ? null : role.id();
        long total = jdbc.sql("SELECT COUNT(*) FROM qs_accounts" + where)
                .param("role", roleId)
                .query(Long.class)
                .single();
        List<AccountView> items = jdbc.sql("SELECT " + COLUMNS + " FROM qs_accounts" + where
                        + " ORDER BY username, account_id LIMIT :limit OFFSET :offset")
                .param("role", roleId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Accounts::row)
                .list();
        return Page.of(items, page, total);
    }

    private static AccountView row(ResultSet rs, int i) throws SQLException {
        return new AccountView(
                rs.getString("account_id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.fromId(rs.getString("role")),
                rs.getString("status"),
                rs.getTimestamp("changed_at").toInstant(),
                rs.getLong("credentials_version"));
    }
}
