package dev.practicetracker.command;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.AbstractRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Decides a command again when another node (or another tab) changed the same aggregate between loading it and
 * appending: the event store's unique key on (aggregate, sequence) refuses the second append, which Axon reports as a
 * {@link ConcurrencyException}. The retry loads the fresh state, so the command's rules are checked against what really
 * happened. Only such conflicts are retried, after a random wait whose ceiling doubles each time (so two nodes that
 * collided do not collide again in step); a broken rule stays broken and is answered at once. After the last retry the
 * client gets the 409 it got before.
 */
final class ConflictRetry extends AbstractRetryScheduler {

    private final long firstWaitMillis;
    private final ScheduledExecutorService executor;

    private ConflictRetry(Builder builder, ScheduledExecutorService executor) {
        super(builder);
        this.firstWaitMillis = builder.firstWaitMillis;
        this.executor = executor;
    }

    static ConflictRetry of(int retries, long firstWaitMillis) {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "command-conflict-retry");
            thread.setDaemon(true);
            return thread;
        });
        Builder builder = new Builder(firstWaitMillis);
        builder.retryExecutor(executor).maxRetryCount(retries);
        return new ConflictRetry(builder, executor);
    }

    void shutdown() {
        executor.shutdownNow();
    }

    /** Axon asks this of the failure and of each of its causes; a conflict's own cause (the key violation) is not one. */
    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        return !isConflict(failure);
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    @Override
    protected long computeRetryInterval(
            CommandMessage commandMessage, RuntimeException lastFailure, List<Class<? extends Throwable>[]> failures) {
        long ceiling = firstWaitMillis << Math.min(10, Math.max(0, failures.size() - 1));
        return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    }

    private static final class Builder extends AbstractRetryScheduler.Builder<Builder> {

        private final long firstWaitMillis;

        private Builder(long firstWaitMillis) {
            this.firstWaitMillis = firstWaitMillis;
        }
    }
}
