package dev.practicetracker.command.session;

import java.time.Duration;

/** Tunable limits of a practice session. */
public record SessionPolicy(Duration inactivityTimeout, int maxQuestions, int maxAnswerLength) {

    public SessionPolicy {
        if (inactivityTimeout.isNegative() || inactivityTimeout.isZero()) {
            throw new IllegalArgumentException("the inactivity timeout must be positive");
        }
    }
}
