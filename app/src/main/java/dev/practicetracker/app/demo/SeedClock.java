package dev.practicetracker.app.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The time the aggregates read ({@code GenericEventMessage.clock}) while the demo history is seeded: on the seeding
 * thread it is the moment of the step being replayed, so the events carry days and weeks of history; every other
 * thread (real requests arriving meanwhile) keeps the real time.
 */
final class SeedClock extends Clock {

    private final Clock real;
    private final ThreadLocal<Instant> replayed = new ThreadLocal<>();

    SeedClock(Clock real) {
        this.real = real;
    }

    void at(Instant moment) {
        replayed.set(moment);
    }

    void release() {
        replayed.remove();
    }

    Clock real() {
        return real;
    }

    @Override
    public Instant instant() {
        Instant moment = replayed.get();
        return moment != null ? moment : real.instant();
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return real.withZone(zone);
    }
}
