package dev.practicetracker.query.account;

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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Who was allowed what, and when: an account's own events read back from the event store, in the order they happened.
 * The events are the record; nothing here is kept apart from them.
 */
@Component
class AccountHistory {

    private final EventStore events;
    private final Accounts accounts;

    AccountHistory(EventStore events, Accounts accounts) {
        this.events = events;
        this.accounts = accounts;
    }

    /**
     * One change. {@code role} is the role from this change on (null when it did not change it); {@code by} is the
     * account that made it, with its display name when known.
     */
    record Change(Instant at, String change, Role role, Role previousRole, String by, String byName, String reason) {

        Change named(String name) {
            return new Change(at, change, role, previousRole, by, name, reason);
        }
    }

    List<Change> of(String accountId) {
        // Most changes are made by the same one or two admins: each name is looked up once.
        Map<String, Optional<String>> names = new HashMap<>();
        return events.readEvents(accountId)
                .asStream()
                .map(EventMessage::getPayload)
                .map(AccountHistory::change)
                .filter(Objects::nonNull)
                .map(change -> change.by() == null
                        ? change
                        : change.named(names.computeIfAbsent(change.by(), this::displayName)
                                .orElse(null)))
                .toList();
    }

    private Optional<String> displayName(String accountId) {
        return accounts.view(accountId).map(Accounts.AccountView::displayName);
    }

    private static Change change(Object payload) {
        if (payload instanceof AccountCreatedEvent e) {
            return change(e.createdAt(), "created", e.role(), null, e.createdBy(), null);
        }
        if (payload instanceof AccountRoleChangedEvent e) {
            return change(e.changedAt(), "role changed", e.role(), e.previousRole(), e.changedBy(), null);
        }
        if (payload instanceof AccountLockedEvent e) {
            return change(e.lockedAt(), "locked", null, null, e.lockedBy(), e.reason());
        }
        if (payload instanceof AccountUnlockedEvent e) {
            return change(e.unlockedAt(), "unlocked", null, null, e.unlockedBy(), null);
        }
        if (payload instanceof AccountWithdrawnEvent e) {
            return change(e.withdrawnAt(), "withdrawn", null, null, e.withdrawnBy(), e.reason());
        }
        if (payload instanceof PasswordChangedEvent e) {
            return change(e.changedAt(), "password set", null, null, e.changedBy(), null);
        }
        if (payload instanceof AccountSignedOutEverywhereEvent e) {
            return change(e.signedOutAt(), "signed out everywhere", null, null, e.signedOutBy(), null);
        }
        if (payload instanceof PersonErasedEvent e) {
            return change(e.erasedAt(), "erased", null, null, e.erasedBy(), e.reason());
        }
        return null;
    }

    private static Change change(Instant at, String what, Role role, Role previous, PersonId by, String reason) {
        return new Change(at, what, role, previous, by == null ? null : by.value(), null, reason);
    }
}
