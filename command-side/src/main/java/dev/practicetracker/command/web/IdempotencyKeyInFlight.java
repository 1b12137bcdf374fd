package dev.practicetracker.command.web;

/** The first request with this key is still being handled (HTTP 409 with {@code Retry-After}); nothing is written. */
class IdempotencyKeyInFlight extends RuntimeException {

    IdempotencyKeyInFlight() {
        super("a request with this Idempotency-Key is still being handled");
    }
}
