package dev.practicetracker.command.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per username and per client address in a sliding window. Once either count reaches its limit,
 * every attempt for that key is refused (even with the right password) until the oldest failure leaves the window.
 * In memory: each node counts its own.
 */
class LoginThrottle {

    private final LoginProperties properties;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the caller must wait, if either its username or its address has used up its attempts. */
    Optional<Duration> blocked(String usernameKey, String clientKey) {
        Instant now = clock.instant();
        Optional<Duration> byName = blocked("user:" + usernameKey, properties.maxFailuresPerUsername(), now);
        Optional<Duration> byClient = blocked("client:" + clientKey, properties.maxFailuresPerClient(), now);
        if (byName.isPresent() && byClient.isPresent()) {
            return Optional.of(byName.get().compareTo(byClient.get()) > 0 ? byName.get() : byClient.get());
        }
        return byName.isPresent() ? byName : byClient;
    }

    /** Records a failure; answers whether this one used up the username's or the address's attempts. */
    boolean failed(String usernameKey, String clientKey) {
        Instant now = clock.instant();
        int byName = record("user:" + usernameKey, now);
        int byClient = record("client:" + clientKey, now);
        return byName == properties.maxFailuresPerUsername() || byClient == properties.maxFailuresPerClient();
    }

    void succeeded(String usernameKey) {
        failures.remove("user:" + usernameKey);
    }

    private Optional<Duration> blocked(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.isEmpty()) {
                // Forget names whose failures have aged out, so guessed names do not pile up in memory.
                failures.remove(key, times);
            }
            if (times.size() < limit) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(properties.window())));
        }
    }

    private int record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            return times.size();
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldestKept = now.minus(properties.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldestKept)) {
            times.pollFirst();
        }
    }
}
