package dev.practicetracker.command.account;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Accounts and their passwords held in memory, for fixture tests. */
public final class InMemoryAccounts implements AccountRegistry, Credentials {

    private final Map<String, Entry> accounts = new HashMap<>();
    private final Map<String, String> passwords = new HashMap<>();

    public InMemoryAccounts with(String accountId, Role role, Status status) {
        accounts.put(accountId, new Entry(PersonId.of(accountId), accountId, "Person " + accountId, role, status, 0));
        return this;
    }

    public InMemoryAccounts active(String accountId, Role role) {
        return with(accountId, role, Status.ACTIVE);
    }

    public Optional<String> password(String accountId) {
        return Optional.ofNullable(passwords.get(accountId));
    }

    @Override
    public Optional<Entry> lookup(PersonId accountId) {
        return Optional.ofNullable(accounts.get(accountId.value()));
    }

    @Override
    public Optional<Entry> findByUsername(String username) {
        return accounts.values().stream()
                .filter(entry -> entry.username().equalsIgnoreCase(username))
                .findFirst();
    }

    @Override
    public void store(PersonId accountId, Password password) {
        passwords.put(accountId.value(), password.value());
    }

    @Override
    public void remove(PersonId accountId) {
        passwords.remove(accountId.value());
    }

    @Override
    public boolean matches(PersonId accountId, Password password) {
        return password.value().equals(passwords.get(accountId.value()));
    }
}
