package dev.practicetracker.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

class ConflictRetryTest {

    private final ConflictRetry retry = ConflictRetry.of(2, 5);
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("answer");

    @AfterEach
    void stop() {
        retry.shutdown();
    }

    @Test
    void aConflictOnAnExistingAggregateIsDecidedAgain() throws InterruptedException {
        CountDownLatch retried = new CountDownLatch(1);
        RuntimeException conflict = new ConcurrencyException("lost the race", new DuplicateKeyException("key"));

        boolean scheduled = retry.scheduleRetry(command, conflict, failures(conflict, 1), retried::countDown);

        assertThat(scheduled).isTrue();
        assertThat(retried.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aBrokenRuleADuplicateIdAndAnUnexpectedFailureAreAnsweredAtOnce() {
        for (RuntimeException failure : List.of(
                new RuleViolation("already-answered", "the question is answered"),
                new AggregateStreamCreationException("the id is taken"),
                new IllegalStateException("a bug"))) {
            assertThat(retry.scheduleRetry(command, failure, failures(failure, 1), () -> {}))
                    .as(failure.toString())
                    .isFalse();
        }
    }

    @Test
    void aCommandThatKeepsLosingGetsTheConflictAfterTheLastRetry() {
        RuntimeException conflict = new ConcurrencyException("lost again");

        assertThat(retry.scheduleRetry(command, conflict, failures(conflict, 2), () -> {}))
                .isTrue();
        assertThat(retry.scheduleRetry(command, conflict, failures(conflict, 3), () -> {}))
                .isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(RuntimeException failure, int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {failure.getClass()});
        }
        return failures;
    }
}
