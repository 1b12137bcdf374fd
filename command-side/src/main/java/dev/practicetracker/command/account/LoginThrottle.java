package dev.practicetracker.command.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts failed logins per username and per client address in a sliding window (or, in an instance of its own, wrong
 * current passwords per account and client: {@link PasswordGuesses}). Once either count reaches its limit,
 * every attempt for that key is refused (even with the right password) until the oldest failure leaves the window.
 * In memory: each node counts its own.
 *
 * <p>The memory is bounded and forgets: a key expires one window after its latest failure (when none of its failures
 * counts any more), and at most {@link #MAX_KEYS} keys are kept, so a stream of one-off guessed names cannot grow it
 * without end. Past the bound the least useful keys are evicted first; reaching it takes failures from thousands of
 * addresses, since each address is itself limited.
 */
class LoginThrottle {

    /** Far more names and addresses than fail to log in within one window on a node of this product. */
    static final int MAX_KEYS = 10_000;

    private final LoginProperties properties;
    private final Ticker ticker;
    private final Cache<String, List<Long>> failures;

    LoginThrottle(LoginProperties properties, Ticker ticker) {
        this.properties = properties;
        this.ticker = ticker;
        this.failures = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(properties.window())
                .maximumSize(MAX_KEYS)
                // Upkeep on the calling thread: a login is rare enough, and the bound then holds at once.
                .executor(Runnable::run)
                .build();
    }

    /** How long the caller must wait, if either its username or its address has used up its attempts. */
    Optional<Duration> blocked(String usernameKey, String clientKey) {
        long now = ticker.read();
        Optional<Duration> byName = blocked("user:" + usernameKey, properties.maxFailuresPerUsername(), now);
        Optional<Duration> byClient = blocked("client:" + clientKey, properties.maxFailuresPerClient(), now);
        if (byName.isPresent() && byClient.isPresent()) {
            return Optional.of(byName.get().compareTo(byClient.get()) > 0 ? byName.get() : byClient.get());
        }
        return byName.isPresent() ? byName : byClient;
    }

    /** Records a failure; answers whether this one used up the username's or the address's attempts. */
    boolean failed(String usernameKey, String clientKey) {
        long now = ticker.read();
        int byName = record("user:" + usernameKey, now);
        int byClient = record("client:" + clientKey, now);
        return byName == properties.maxFailuresPerUsername() || byClient == properties.maxFailuresPerClient();
    }

    void succeeded(String usernameKey) {
        failures.invalidate("user:" + usernameKey);
    }

    /** How many names and addresses the throttle remembers now. */
    long keys() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    private Optional<Duration> blocked(String key, int limit, long now) {
        List<Long> times = failures.getIfPresent(key);
        if (times == null) {
            return Optional.empty();
        }
        List<Long> counted = inWindow(times, now);
        if (counted.size() < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(counted.get(0) + properties.window().toNanos() - now));
    }

    /** Each failure writes a new list, which restarts the key's expiry: a key lives one window past its last failure. */
    private int record(String key, long now) {
        List<Long> times = failures.asMap().compute(key, (k, earlier) -> {
            List<Long> kept = new ArrayList<>(earlier == null ? List.of() : inWindow(earlier, now));
            kept.add(now);
            return List.copyOf(kept);
        });
        return times.size();
    }

    private List<Long> inWindow(List<Long> times, long now) {
        long oldestKept = now - properties.window().toNanos();
        return times.stream().filter(time -> time > oldestKept).toList();
    }
}
