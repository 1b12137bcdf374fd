package dev.practicetracker.command.account;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts failed logins per username and per client address (or, in an instance of its own, wrong current passwords
 * per account and client: {@link PasswordGuesses}). Once either count reaches its limit within the window, every
 * attempt for that key is refused (even with the right password) until the window that began with the key's first
 * counted failure has passed; then the key starts afresh.
 *
 * <p>The counts are Bucket4j buckets in PostgreSQL ({@code login_throttle_buckets}), one per key, each changed under a
 * row lock: every command node counts the same failures, so n nodes allow no more attempts than one. A bucket holds
 * the limit's worth of attempts and is refilled whole one window after it was first drawn on. A row is stamped to expire once its
 * bucket is full again, and each failure asks Bucket4j to delete a few expired rows, so that one-off guessed names do
 * not grow the table without end.
 */
class LoginThrottle {

    private static final String TABLE = "login_throttle_buckets";
    /** More than the at most two rows a failure creates, so the table shrinks while failures go on. */
    private static final int EXPIRED_REMOVED_PER_FAILURE = 10;

    private final String purpose;
    private final LoginProperties properties;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final JdbcTemplate jdbc;

    /** {@code purpose} keeps the keys of two throttles on one table apart. */
    LoginThrottle(String purpose, LoginProperties properties, DataSource dataSource, TimeMeter clock) {
        this.purpose = purpose;
        this.properties = properties;
        this.jdbc = new JdbcTemplate(dataSource);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .clientClock(clock)
                .build();
    }

    /** How long the caller must wait, if either its username or its address has used up its attempts. */
    Optional<Duration> blocked(String usernameKey, String clientKey) {
        Optional<Duration> byName = blocked(userKey(usernameKey), properties.maxFailuresPerUsername());
        Optional<Duration> byClient = blocked(clientKey(clientKey), properties.maxFailuresPerClient());
        if (byName.isPresent() && byClient.isPresent()) {
            return Optional.of(byName.get().compareTo(byClient.get()) > 0 ? byName.get() : byClient.get());
        }
        return byName.isPresent() ? byName : byClient;
    }

    /** Records a failure; answers whether this one used up the username's or the address's attempts. */
    boolean failed(String usernameKey, String clientKey) {
        boolean byName = usesUp(userKey(usernameKey), properties.maxFailuresPerUsername());
        boolean byClient = usesUp(clientKey(clientKey), properties.maxFailuresPerClient());
        buckets.removeExpired(EXPIRED_REMOVED_PER_FAILURE);
        return byName || byClient;
    }

    void succeeded(String usernameKey) {
        buckets.removeProxy(userKey(usernameKey));
    }

    /** Deletes up to {@code batch} rows of buckets full again; answers how many went. */
    int removeExpired(int batch) {
        return buckets.removeExpired(batch);
    }

    /**
     * A key nobody has failed with has no row, and checking it writes none: only failures are stored. (Bucket4j's own
     * look-up of a bucket's configuration inserts an empty row for an unknown key, which would never expire.)
     */
    private Optional<Duration> blocked(String key, int limit) {
        Boolean stored = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM " + TABLE + " WHERE id = ? AND state IS NOT NULL)", Boolean.class, key);
        if (!Boolean.TRUE.equals(stored)) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket(key, limit).estimateAbilityToConsume(1);
        return probe.canBeConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private boolean usesUp(String key, int limit) {
        ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() && probe.getRemainingTokens() == 0;
    }

    private BucketProxy bucket(String key, int limit) {
        return buckets.builder()
                .build(
                        key,
                        () -> BucketConfiguration.builder()
                                .addLimit(limit(limit))
                                .build());
    }

    private Bandwidth limit(int limit) {
        return Bandwidth.builder()
                .capacity(limit)
                .refillIntervally(limit, properties.window())
                .build();
    }

    private String userKey(String username) {
        return purpose + ":user:" + digest(username);
    }

    private String clientKey(String client) {
        return purpose + ":client:" + digest(client);
    }

    /**
     * A row's id names what was guessed by its SHA-256, not as typed: of fixed length whatever a client sends (a 2 MB
     * or NUL-bearing name, which PostgreSQL's text cannot hold, is throttled like any other), and no username sits in
     * the table as written.
     */
    private static String digest(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
