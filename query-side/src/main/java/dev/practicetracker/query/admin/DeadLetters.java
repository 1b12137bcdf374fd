package dev.practicetracker.query.admin;

import dev.practicetracker.query.processing.ReadModels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * Events a projection failed on. They wait in a queue per candidate (later events of that candidate wait behind
 * them, so a profile is never built out of order), the rest of the stream goes on, and an operator can retry them.
 */
@Component
public class DeadLetters {

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** One queued event; the payload is not shown, as it may hold a candidate's answer. */
    public record Letter(
            String eventId,
            String eventType,
            Instant eventTime,
            Instant enqueuedAt,
            Instant lastTouched,
            String causeType,
            String causeMessage) {}

    public record Summary(long letters, long sequences, List<Letter> details) {}

    public long count() {
        return queue().size();
    }

    public Summary summary(int limit) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue();
        List<Letter> details = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (details.size() >= limit) {
                    break;
                }
                EventMessage<?> message = letter.message();
                details.add(new Letter(
                        message.getIdentifier(),
                        message.getPayloadType().getSimpleName(),
                        message.getTimestamp(),
                        letter.enqueuedAt(),
                        letter.lastTouched(),
                        letter.cause().map(Cause::type).orElse(null),
                        letter.cause().map(Cause::message).orElse(null)));
            }
        }
        return new Summary(queue.size(), queue.amountOfSequences(), details);
    }

    /** Retries every queued sequence once; returns how many sequences were handled successfully. */
    public int retryAll() {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(ReadModels.PROCESSOR)
                .orElseThrow(() -> new IllegalStateException("no dead-letter processor for " + ReadModels.PROCESSOR));
        long sequences = queue().amountOfSequences();
        int succeeded = 0;
        for (long i = 0; i < sequences; i++) {
            if (processor.processAny()) {
                succeeded++;
            }
        }
        return succeeded;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return processing
                .deadLetterQueue(ReadModels.PROCESSOR)
                .orElseThrow(() -> new IllegalStateException("no dead-letter queue for " + ReadModels.PROCESSOR));
    }
}
