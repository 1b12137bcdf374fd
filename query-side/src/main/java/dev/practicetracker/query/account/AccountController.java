package dev.practicetracker.query.account;

import dev.practicetracker.events.Role;
import dev.practicetracker.query.web.BadRequest;
import dev.practicetracker.query.web.NotFound;
import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
import dev.practicetracker.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in (for the web pages), and the accounts and their histories for the admin. */
@RestController("accountQueryController") // the command side has an AccountController too, and the app has both
class AccountController {

    private final Accounts accounts;
    private final AccountHistory history;
    private final JdbcClient jdbc;

    AccountController(Accounts accounts, AccountHistory history, JdbcClient jdbc) {
        this.accounts = accounts;
        this.history = history;
        this.jdbc = jdbc;
    }

    /** A cohort the account is enrolled in (a candidate) or coaches (a coach). */
    record MyCohort(String cohortId, String name) {}

    record Me(String accountId, String username, String displayName, Role role, List<MyCohort> cohorts) {}

    @Operation(summary = "The logged-in account: id, role, display name and cohorts")
    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal Actor actor) {
        Accounts.AccountView account =
                accounts.view(actor.getName()).orElseThrow(() -> new NotFound("account", actor.getName()));
        return new Me(account.accountId(), account.username(), account.displayName(), account.role(), cohortsOf(actor));
    }

    /** {@code role}: candidate, coach or admin; without it, every account. */
    @Operation(summary = "Every account (an admin); pages of 1 to 100")
    @GetMapping("/api/admin/accounts")
    Page<Accounts.AccountView> list(
            @RequestParam(required = false) String role,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return accounts.list(role(role), new PageRequest(page, size));
    }

    record History(Accounts.AccountView account, List<AccountHistory.Change> changes) {}

    /** Who was allowed what, and when: every change to the account, oldest first, with who made it. */
    @Operation(summary = "What happened to an account, oldest first (an admin)")
    @GetMapping("/api/admin/accounts/{accountId}/history")
    History history(@PathVariable String accountId) {
        Accounts.AccountView account = accounts.view(accountId).orElseThrow(() -> new NotFound("account", accountId));
        return new History(account, history.of(accountId));
    }

    private List<MyCohort> cohortsOf(Actor actor) {
        String sql;
        if (actor.is(Role.CANDIDATE)) {
            sql = """
                    SELECT c.cohort_id, c.name FROM qs_cohort c
                      JOIN qs_cohort_member m ON m.cohort_id = c.cohort_id
                     WHERE m.candidate_id = :id AND m.enrolled ORDER BY c.name, c.cohort_id
                    """;
        } else if (actor.is(Role.COACH)) {
            sql = "SELECT cohort_id, name FROM qs_cohort WHERE coach_id = :id ORDER BY name, cohort_id";
        } else {
            return List.of();
        }
        return jdbc.sql(sql)
                .param("id", actor.getName())
                .query((rs, i) -> new MyCohort(rs.getString("cohort_id"), rs.getString("name")))
                .list();
    }

    private static Role role(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return Role.fromId(role);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("role", "must be one of candidate, coach, admin");
        }
    }
}
