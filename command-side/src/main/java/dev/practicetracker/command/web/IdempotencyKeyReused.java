package dev.practicetracker.command.web;

/** The key was used for another request (another body or address) (HTTP 422); nothing is written. */
class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused() {
        super("this Idempotency-Key was used for another request");
    }
}
