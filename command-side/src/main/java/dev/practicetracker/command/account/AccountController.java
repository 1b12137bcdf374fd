package dev.practicetracker.command.account;

import dev.practicetracker.command.Forbidden;
import dev.practicetracker.command.web.ServerChosenId;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands of an account: open it, change its role, lock, unlock, withdraw it, set its password, sign it out
 * everywhere, erase the person.
 */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

    private final CommandGateway commands;
    private final PasswordGuesses guesses;

    AccountController(CommandGateway commands, PasswordGuesses guesses) {
        this.commands = commands;
        this.guesses = guesses;
    }

    /** {@code accountId} is refused: the server chooses it ({@link ServerChosenId}). */
    record CreateAccountRequest(
            @Schema(hidden = true) PersonId accountId,
            @NotNull String username,
            @NotNull String displayName,
            @NotNull Role role,
            @NotNull String password) {}

    record AccountView(PersonId accountId, String username, String displayName, Role role, String status) {}

    @Operation(summary = "Open an account (an admin)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<AccountView> create(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody CreateAccountRequest request) {
        ServerChosenId.refuse(request.accountId(), "accountId", "account");
        // The created account's id: a retry with an Idempotency-Key gets the first attempt's, not a new one.
        PersonId accountId = commands.sendAndWait(new CreateAccountCommand(
                PersonId.generate(),
                request.username(),
                request.displayName(),
                request.role(),
                Password.of(request.password()),
                actor));
        return ResponseEntity.created(URI.create("/api/accounts/" + accountId))
                .body(new AccountView(
                        accountId,
                        request.username().strip().toLowerCase(java.util.Locale.ROOT),
                        request.displayName().strip(),
                        request.role(),
                        "active"));
    }

    record ChangeRoleRequest(@NotNull Role role) {}

    record Changed(PersonId accountId, String outcome) {}

    @Operation(summary = "Change an account's role (an admin, not their own)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PutMapping("/{accountId}/role")
    ResponseEntity<Changed> changeRole(
            @AuthenticationPrincipal Actor actor,
            @PathVariable PersonId accountId,
            @Valid @RequestBody ChangeRoleRequest request) {
        commands.sendAndWait(new ChangeRoleCommand(accountId, request.role(), actor));
        return accepted(accountId, "role changed to " + request.role().id());
    }

    record ReasonRequest(String reason) {}

    @Operation(summary = "Lock an account: its logins stop at once (an admin)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{accountId}/lock")
    ResponseEntity<Changed> lock(
            @AuthenticationPrincipal Actor actor,
            @PathVariable PersonId accountId,
            @RequestBody(required = false) ReasonRequest request) {
        commands.sendAndWait(new LockAccountCommand(accountId, reason(request), actor));
        return accepted(accountId, "locked");
    }

    @Operation(summary = "Unlock an account (an admin)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{accountId}/unlock")
    ResponseEntity<Changed> unlock(@AuthenticationPrincipal Actor actor, @PathVariable PersonId accountId) {
        commands.sendAndWait(new UnlockAccountCommand(accountId, actor));
        return accepted(accountId, "unlocked");
    }

    @Operation(summary = "Withdraw an account for good (an admin)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{accountId}/withdraw")
    ResponseEntity<Changed> withdraw(
            @AuthenticationPrincipal Actor actor,
            @PathVariable PersonId accountId,
            @RequestBody(required = false) ReasonRequest request) {
        commands.sendAndWait(new WithdrawAccountCommand(accountId, reason(request), actor));
        return accepted(accountId, "withdrawn");
    }

    /**
     * Erases a withdrawn person for good (their key is deleted; docs/privacy.md). 409 for an account not withdrawn, or
     * one erased already.
     */
    @Operation(
            summary =
                    "Erase a withdrawn person for good: their key is deleted, their personal fields read as erased (an admin)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{accountId}/erase")
    ResponseEntity<Changed> erase(
            @AuthenticationPrincipal Actor actor,
            @PathVariable PersonId accountId,
            @RequestBody(required = false) ReasonRequest request) {
        commands.sendAndWait(new EraseAccountCommand(accountId, reason(request), actor));
        return accepted(accountId, "erased");
    }

    record PasswordRequest(@NotNull String password, String currentPassword) {}

    /**
     * One's own password change names the current password, a guess when the token is stolen: after too many wrong
     * ones (per account and per client, as for logins) it is refused with 429 before anything is checked or written.
     */
    @Operation(summary = "Set a password: an admin's reset, or the account's own change with its current password")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PutMapping("/{accountId}/password")
    ResponseEntity<?> setPassword(
            @AuthenticationPrincipal Actor actor,
            @PathVariable PersonId accountId,
            @Valid @RequestBody PasswordRequest request,
            HttpServletRequest http) {
        if (!actor.is(Role.ADMIN) && !actor.accountId().equals(accountId)) {
            throw new Forbidden("only an admin sets another account's password");
        }
        boolean checksCurrent = !actor.is(Role.ADMIN);
        String client = http.getRemoteAddr();
        Optional<Duration> wait = checksCurrent ? guesses.blocked(accountId, client) : Optional.empty();
        if (wait.isPresent()) {
            return AuthController.tooManyAttempts(
                    wait.get(),
                    "too-many-password-guesses",
                    "Too many wrong current passwords",
                    "too many wrong current passwords");
        }
        Password current = request.currentPassword() == null ? null : Password.of(request.currentPassword());
        try {
            commands.sendAndWait(new SetPasswordCommand(accountId, Password.of(request.password()), current, actor));
        } catch (RuntimeException e) {
            if (e instanceof WrongCurrentPassword || e.getCause() instanceof WrongCurrentPassword) {
                guesses.wrong(accountId, client);
            }
            throw e;
        }
        if (checksCurrent) {
            guesses.succeeded(accountId);
        }
        return accepted(accountId, "password changed");
    }

    /**
     * Refuses, from now on, every token the account holds, on every device, the caller's own included when it is their
     * account: after a lost phone or a login on a shared computer.
     */
    @Operation(summary = "Sign an account out on every device, this login included when it is the caller's own")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{accountId}/sign-out-everywhere")
    ResponseEntity<Changed> signOutEverywhere(@AuthenticationPrincipal Actor actor, @PathVariable PersonId accountId) {
        commands.sendAndWait(new SignOutEverywhereCommand(accountId, actor));
        return accepted(accountId, "signed out everywhere");
    }

    private static String reason(ReasonRequest request) {
        return request == null || request.reason() == null || request.reason().isBlank()
                ? null
                : request.reason().strip();
    }

    private static ResponseEntity<Changed> accepted(PersonId accountId, String outcome) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Changed(accountId, outcome));
    }
}
