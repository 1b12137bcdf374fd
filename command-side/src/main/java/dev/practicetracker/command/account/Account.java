package dev.practicetracker.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.practicetracker.command.Duplicate;
import dev.practicetracker.command.Forbidden;
import dev.practicetracker.command.RuleViolation;
import dev.practicetracker.command.StateConflict;
import dev.practicetracker.command.Texts;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.account.AccountCreatedEvent;
import dev.practicetracker.events.account.AccountLockedEvent;
import dev.practicetracker.events.account.AccountRoleChangedEvent;
import dev.practicetracker.events.account.AccountSignedOutEverywhereEvent;
import dev.practicetracker.events.account.AccountUnlockedEvent;
import dev.practicetracker.events.account.AccountWithdrawnEvent;
import dev.practicetracker.events.account.PasswordChangedEvent;
import dev.practicetracker.events.account.PersonErasedEvent;
import dev.practicetracker.eventstore.personal.PersonKeys;
import dev.practicetracker.security.Actor;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One person's account: their role, whether they may act at all, and (through {@link Credentials}) their password. */
@Aggregate
public class Account {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    static final int MAX_DISPLAY_NAME_LENGTH = 120;

    @AggregateIdentifier
    private PersonId accountId;

    private Role role;
    private AccountRegistry.Status status;
    private boolean erased;

    /** Axon rebuilds the account from its events into an instance made with this constructor. */
    protected Account() {}

    @CommandHandler
    public Account(CreateAccountCommand command, AccountRegistry registry, Credentials credentials) {
        String username =
                command.username() == null ? "" : command.username().strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new RuleViolation(
                    "username", "a username has 3 to 64 characters: lower-case letters, digits, '.', '_' or '-'");
        }
        String displayName =
                command.displayName() == null ? "" : command.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new RuleViolation(
                    "display-name", "a display name has 1 to " + MAX_DISPLAY_NAME_LENGTH + " characters");
        }
        Texts.requireStorable("displayName", displayName);
        if (command.role() == null) {
            throw new RuleViolation("role", "an account needs a role: candidate, coach or admin");
        }
        command.password().requireAcceptable();
        if (registry.findByUsername(username).isPresent()) {
            throw new Duplicate("the username '" + username + "' is taken");
        }
        PersonId createdBy =
                command.actor() == null ? command.accountId() : command.actor().accountId();
        apply(new AccountCreatedEvent(
                command.accountId(),
                username,
                displayName,
                command.role(),
                createdBy,
                GenericEventMessage.clock.instant()));
        credentials.store(command.accountId(), command.password());
    }

    @CommandHandler
    public void handle(ChangeRoleCommand command) {
        requireNotWithdrawn();
        requireNotSelf(command.actor(), "change the role of");
        if (command.role() == null) {
            throw new RuleViolation("role", "name the new role: candidate, coach or admin");
        }
        if (command.role() == role) {
            throw new RuleViolation("same-role", "the account already has the role " + role.id());
        }
        apply(new AccountRoleChangedEvent(
                accountId, role, command.role(), command.actor().accountId(), GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(LockAccountCommand command) {
        requireNotWithdrawn();
        requireNotSelf(command.actor(), "lock");
        Texts.requireReason(command.reason());
        if (status == AccountRegistry.Status.LOCKED) {
            throw new RuleViolation("already-locked", "the account is already locked");
        }
        apply(new AccountLockedEvent(
                accountId, command.reason(), command.actor().accountId(), GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(UnlockAccountCommand command) {
        requireNotWithdrawn();
        if (status != AccountRegistry.Status.LOCKED) {
            throw new RuleViolation("not-locked", "the account is not locked");
        }
        apply(new AccountUnlockedEvent(accountId, command.actor().accountId(), GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(WithdrawAccountCommand command) {
        requireNotWithdrawn();
        requireNotSelf(command.actor(), "withdraw");
        Texts.requireReason(command.reason());
        apply(new AccountWithdrawnEvent(
                accountId, command.reason(), command.actor().accountId(), GenericEventMessage.clock.instant()));
    }

    /**
     * Deletes the person's key with the event that records it, in one transaction: from then on every personal field
     * of their events reads as a placeholder. Only a withdrawn account: an active person is still using their data.
     */
    @CommandHandler
    public void handle(EraseAccountCommand command, PersonKeys keys, Credentials credentials) {
        if (erased) {
            throw new StateConflict("already-erased", "the person was erased already");
        }
        if (status != AccountRegistry.Status.WITHDRAWN) {
            throw new StateConflict(
                    "account-active",
                    "the account is still " + status.name().toLowerCase(Locale.ROOT)
                            + ": withdraw it first, then erase the person");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("reason-missing", "say why the person is erased (a request, a retention period)");
        }
        Texts.requireReason(command.reason());
        Instant now = GenericEventMessage.clock.instant();
        keys.erase(accountId.value(), now);
        credentials.remove(accountId);
        apply(new PersonErasedEvent(accountId, command.reason(), command.actor().accountId(), now));
    }

    @CommandHandler
    public void handle(SetPasswordCommand command, Credentials credentials) {
        boolean own = command.actor().accountId().equals(accountId);
        if (!own && !command.actor().is(Role.ADMIN)) {
            throw new Forbidden("only an admin sets another account's password");
        }
        requireNotWithdrawn();
        if (own && !command.actor().is(Role.ADMIN)) {
            if (command.currentPassword() == null || !credentials.matches(accountId, command.currentPassword())) {
                throw new WrongCurrentPassword();
            }
        }
        command.password().requireAcceptable();
        apply(new PasswordChangedEvent(accountId, command.actor().accountId(), GenericEventMessage.clock.instant()));
        credentials.store(accountId, command.password());
    }

    @CommandHandler
    public void handle(SignOutEverywhereCommand command) {
        if (!command.actor().accountId().equals(accountId) && !command.actor().is(Role.ADMIN)) {
            throw new Forbidden("only an admin signs another account out");
        }
        requireNotWithdrawn();
        apply(new AccountSignedOutEverywhereEvent(
                accountId, command.actor().accountId(), GenericEventMessage.clock.instant()));
    }

    private void requireNotWithdrawn() {
        if (status == AccountRegistry.Status.WITHDRAWN) {
            throw new RuleViolation("account-withdrawn", "the account is withdrawn and cannot be changed");
        }
    }

    /** An admin who locks, withdraws or demotes themselves could leave the programme without any admin. */
    private void requireNotSelf(Actor actor, String action) {
        if (actor.accountId().equals(accountId)) {
            throw new RuleViolation("admin-self", "an admin may not " + action + " their own account");
        }
    }

    @EventSourcingHandler
    void on(AccountCreatedEvent event) {
        accountId = event.accountId();
        role = event.role();
        status = AccountRegistry.Status.ACTIVE;
    }

    @EventSourcingHandler
    void on(AccountRoleChangedEvent event) {
        role = event.role();
    }

    @EventSourcingHandler
    void on(AccountLockedEvent event) {
        status = AccountRegistry.Status.LOCKED;
    }

    @EventSourcingHandler
    void on(AccountUnlockedEvent event) {
        status = AccountRegistry.Status.ACTIVE;
    }

    @EventSourcingHandler
    void on(AccountWithdrawnEvent event) {
        status = AccountRegistry.Status.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(PersonErasedEvent event) {
        erased = true;
    }
}
