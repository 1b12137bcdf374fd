package dev.practicetracker.command.account;

import dev.practicetracker.events.PersonId;
import java.sql.Timestamp;
import java.util.Optional;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes in {@code command_credentials}, through Spring Security's delegating encoder (bcrypt, stored as
 * {@code {bcrypt}$2a$...}, so the algorithm can be raised later without a migration).
 */
@Component
class JdbcCredentials implements Credentials {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final String dummyHash;

    JdbcCredentials(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.dummyHash = encoder.encode("a password nobody has, hashed so unknown names cost the same time");
    }

    @Override
    public void store(PersonId accountId, Password password) {
        jdbc.sql("""
                INSERT INTO command_credentials (account_id, password_hash, changed_at)
                VALUES (:id, :hash, :at)
                ON CONFLICT (account_id) DO UPDATE SET password_hash = EXCLUDED.password_hash,
                                                       changed_at = EXCLUDED.changed_at
                """)
                .param("id", accountId.value())
                .param("hash", encoder.encode(password.value()))
                .param("at", Timestamp.from(GenericEventMessage.clock.instant()))
                .update();
    }

    @Override
    public void remove(PersonId accountId) {
        jdbc.sql("DELETE FROM command_credentials WHERE account_id = :id")
                .param("id", accountId.value())
                .update();
    }

    @Override
    public boolean matches(PersonId accountId, Password password) {
        return verify(Optional.of(accountId), password);
    }

    /**
     * Compares against the account's hash, or against a dummy hash when there is no such account, so that an unknown
     * name takes as long to refuse as a wrong password.
     */
    boolean verify(Optional<PersonId> accountId, Password password) {
        Optional<String> hash =
                accountId.flatMap(id -> jdbc.sql("SELECT password_hash FROM command_credentials WHERE account_id = :id")
                        .param("id", id.value())
                        .query(String.class)
                        .optional());
        String raw = password.value() == null ? "" : password.value();
        boolean matches = encoder.matches(raw, hash.orElse(dummyHash));
        return hash.isPresent() && matches;
    }
}
