package dev.practicetracker.bench;

import java.util.Arrays;

/** Latencies of one measured phase, in nanoseconds, with how many requests failed and how long the phase ran. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;
    private long failures;

    synchronized void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized void fail() {
        failures++;
    }

    synchronized int count() {
        return count;
    }

    synchronized long failures() {
        return failures;
    }

    /** The p-th percentile in milliseconds (nearest rank), NaN when nothing was measured. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }
}
