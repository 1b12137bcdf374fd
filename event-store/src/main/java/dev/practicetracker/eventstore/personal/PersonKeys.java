package dev.practicetracker.eventstore.personal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each person's AES-256 key in {@code person_key}, wrapped with the master key. Keys are made on a person's first
 * personal field, in the transaction that writes the event (so a key exists exactly when an event sealed with it was
 * committed), and cached once that transaction has committed. Erasing deletes the key and leaves a tombstone row.
 */
public class PersonKeys {

    /** What is known of a person's key. */
    public sealed interface State {}

    /** The person's key: their fields can be sealed and opened. */
    public record Active(SecretKey key) implements State {}

    /** The person was erased: their fields read as placeholders, and new ones are not kept. */
    public record Erased() implements State {}

    /**
     * The stored key does not open with this node's master key (TRACKER_PERSONAL_DATA_KEY differs from the one it was
     * wrapped with): fields read as placeholders so that replay goes on, but nothing new is written for the person.
     */
    public record Unreadable() implements State {}

    /** No key was ever made: nothing sealed exists for this person (older events hold their fields in clear). */
    public record Missing() implements State {}

    private static final int KEY_BITS = 256;

    private final JdbcTemplate jdbc;
    private final SecretKey master;
    private final Map<String, State> cache = new ConcurrentHashMap<>();

    public PersonKeys(DataSource dataSource, SecretKey master) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.master = master;
    }

    /** The state of a person's key as stored; an unknown person's is {@link Missing}, which is never cached. */
    public State read(String personId) {
        State cached = cache.get(personId);
        if (cached != null) {
            return cached;
        }
        List<State> rows = jdbc.query(
                "SELECT wrapped_key FROM person_key WHERE person_id = ?",
                (rs, i) -> stateOf(personId, rs.getBytes(1)),
                personId);
        if (rows.isEmpty()) {
            return new Missing();
        }
        State state = rows.get(0);
        cacheAfterCommit(personId, state);
        return state;
    }

    /** The key to seal a new field with, made now if the person has none; {@link Erased} once they were erased. */
    public State forWriting(String personId) {
        State state = read(personId);
        if (state instanceof Unreadable) {
            throw new IllegalStateException("the personal data master key does not open person " + personId
                    + "'s key: is TRACKER_PERSONAL_DATA_KEY the one the keys were made with?");
        }
        if (!(state instanceof Missing)) {
            return state;
        }
        SecretKey key = newKey();
        // Another transaction making the same person's key first wins: this insert then waits for it and does nothing,
        // and the read below sees the committed key.
        int inserted = jdbc.update(
                "INSERT INTO person_key (person_id, wrapped_key, created_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (person_id) DO NOTHING",
                personId,
                wrap(personId, key),
                Timestamp.from(Instant.now()));
        if (inserted == 1) {
            State made = new Active(key);
            cacheAfterCommit(personId, made);
            return made;
        }
        return read(personId);
    }

    /**
     * Deletes the person's key for good, in the caller's transaction. Returns false when they were erased already.
     * Other nodes drop their cached key when they read the erasure event ({@link #forget}).
     */
    public boolean erase(String personId, Instant at) {
        Timestamp erasedAt = Timestamp.from(at);
        int changed = jdbc.update(
                "UPDATE person_key SET wrapped_key = NULL, erased_at = ? WHERE person_id = ? AND erased_at IS NULL",
                erasedAt,
                personId);
        if (changed == 0) {
            changed = jdbc.update(
                    "INSERT INTO person_key (person_id, wrapped_key, created_at, erased_at) VALUES (?, NULL, ?, ?)"
                            + " ON CONFLICT (person_id) DO NOTHING",
                    personId,
                    erasedAt,
                    erasedAt);
        }
        forget(personId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(personId);
                }
            });
        }
        return changed == 1;
    }

    /** Drops what this node remembers of a person's key, so that the next read asks the database. */
    public void forget(String personId) {
        cache.remove(personId);
    }

    private void cacheAfterCommit(String personId, State state) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.put(personId, state);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.put(personId, state);
            }
        });
    }

    private State stateOf(String personId, byte[] wrapped) {
        if (wrapped == null) {
            return new Erased();
        }
        try {
            byte[] raw = AesGcm.open(master, wrapped, wrappingContext(personId));
            return new Active(new SecretKeySpec(raw, "AES"));
        } catch (GeneralSecurityException e) {
            return new Unreadable();
        }
    }

    private byte[] wrap(String personId, SecretKey key) {
        try {
            return AesGcm.seal(master, key.getEncoded(), wrappingContext(personId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not wrap a person's key", e);
        }
    }

    private static byte[] wrappingContext(String personId) {
        return ("person_key:" + personId).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BITS, AesGcm.RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make AES keys", e);
        }
    }

    /** Only for the master key's own check at start: a wrong-length key fails here, not at the first event. */
    static SecretKey masterKey(byte[] raw) {
        if (raw.length != KEY_BITS / 8) {
            throw new IllegalArgumentException("the personal data master key must be 32 bytes (base64: 44 characters),"
                    + " was " + raw.length + " bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }
}
