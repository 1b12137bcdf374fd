package dev.practicetracker.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** The two ways load is offered: a fixed number of connections as fast as answers come, or a fixed rate. */
final class Load {

    private Load() {}

    /** One connection's next request; false when it has nothing left to send. */
    interface Step {
        boolean run(Latencies latencies) throws Exception;
    }

    record Result(Latencies latencies, double seconds) {
        double perSecond() {
            return latencies.count() / seconds;
        }
    }

    /**
     * {@code connections} workers, each sending its next request when the last was answered (closed loop), for the
     * warm-up (not recorded) and then the measured time. A worker that runs out of work ends the phase for all, so the
     * rate is always over a time in which every connection was busy.
     */
    static Result closed(String label, int connections, Duration warmUp, Duration measured, IntFunction<Step> steps)
            throws InterruptedException {
        Latencies discarded = new Latencies();
        Latencies recorded = new Latencies();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        AtomicBoolean stop = new AtomicBoolean();
        long[] stoppedAt = {end};
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Step step = steps.apply(i);
            Thread worker = new Thread(
                    () -> {
                        try {
                            while (!stop.get()) {
                                long now = System.nanoTime();
                                if (now >= end) {
                                    break;
                                }
                                if (!step.run(now >= measureFrom ? recorded : discarded)) {
                                    synchronized (stoppedAt) {
                                        if (stop.compareAndSet(false, true)) {
                                            stoppedAt[0] = System.nanoTime();
                                        }
                                    }
                                }
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    label + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        Progress progress = Progress.start(label, recorded, start, end);
        for (Thread worker : workers) {
            worker.join();
        }
        progress.stop();
        double seconds = Math.max(1e-3, (Math.min(stoppedAt[0], end) - measureFrom) / 1e9);
        return new Result(recorded, seconds);
    }

    /**
     * Requests at a fixed rate whatever the answers' pace (open loop); each latency is counted from the moment the
     * request was due, so a server that falls behind shows it in the figures instead of slowing the load down.
     */
    static Result open(
            String label,
            HttpClient client,
            int perSecond,
            Duration warmUp,
            Duration measured,
            Supplier<HttpRequest> requests)
            throws InterruptedException {
        Latencies discarded = new Latencies();
        Latencies recorded = new Latencies();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long total = (warmUp.toMillis() + measured.toMillis()) * perSecond / 1000;
        Progress progress = Progress.start(label, recorded, start, start + warmUp.toNanos() + measured.toNanos());
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long due = start + TimeUnit.SECONDS.toNanos(1) * i / perSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Latencies into = due >= measureFrom ? recorded : discarded;
            sent.add(client.sendAsync(requests.get(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        if (failure != null || response.statusCode() >= 300) {
                            into.fail();
                        } else {
                            into.add(System.nanoTime() - due);
                        }
                    }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();
        progress.stop();
        return new Result(recorded, measured.toMillis() / 1000.0);
    }

    /** A line a second on the console, so a long phase shows it is alive. */
    static final class Progress {
        private final Thread thread;

        private Progress(Thread thread) {
            this.thread = thread;
        }

        static Progress start(String label, Latencies recorded, long start, long end) {
            Thread thread = new Thread(
                    () -> {
                        try {
                            while (!Thread.currentThread().isInterrupted()) {
                                Thread.sleep(1000);
                                System.err.printf(
                                        "\r  %-44s %4.0f s of %.0f s, %,d measured   ",
                                        label,
                                        (System.nanoTime() - start) / 1e9,
                                        (end - start) / 1e9,
                                        recorded.count());
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "progress");
            thread.setDaemon(true);
            thread.start();
            return new Progress(thread);
        }

        void stop() {
            thread.interrupt();
            System.err.print("\r" + " ".repeat(90) + "\r");
        }
    }
}
