package dev.practicetracker.app.demo;

import dev.practicetracker.command.question.QuestionBank;
import dev.practicetracker.security.Actor;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Seeds the demo cohort through the command gateway, the way the HTTP API sends commands, so the history passes the
 * same rules and produces the same events as real use. Each step is checked against its aggregate's events before it
 * is sent: a second run sends nothing, and a run stopped half-way (Ctrl-C stops it between two commands) is completed
 * by the next.
 */
public class DemoSeed {

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final CommandGateway commands;
    private final EventStorageEngine events;
    private final QuestionBank bank;
    private final Actor admin;
    private final Clock today;
    private volatile boolean stopping;

    /** @param today says which day the history leads up to (it ends the day before) */
    public DemoSeed(CommandGateway commands, EventStorageEngine events, QuestionBank bank, Actor admin, Clock today) {
        this.commands = commands;
        this.events = events;
        this.bank = bank;
        this.admin = admin;
        this.today = today;
    }

    @EventListener
    void onClose(ContextClosedEvent closed) {
        stopping = true;
    }

    /** Whether the app began to stop, which ends seeding between two commands. */
    public boolean stopped() {
        return stopping;
    }

    /** Returns how many commands were sent; the rest were there already (or the app is stopping: see {@link #stopped}). */
    public int seed() {
        Clock real = GenericEventMessage.clock;
        SeedClock clock = new SeedClock(real);
        List<DemoCohort.Step> steps =
                new DemoCohort(today.instant(), theme -> bank.activeIn(Set.of(theme)), admin).steps();
        Map<String, List<Object>> seen = new HashMap<>();
        int sent = 0;
        int done = 0;
        GenericEventMessage.clock = clock;
        try {
            for (DemoCohort.Step step : steps) {
                if (stopping) {
                    log.info(
                            "Demo seeding stopped at {} of {} steps; the next start with the demo switch completes it",
                            done,
                            steps.size());
                    return sent;
                }
                List<Object> history = seen.computeIfAbsent(step.aggregateId(), this::eventsOf);
                if (!step.done().test(history)) {
                    clock.at(step.at());
                    try {
                        commands.sendAndWait(step.command());
                    } catch (RuntimeException e) {
                        if (stopping) {
                            // The app closed under the command: it was either stored whole or not at all.
                            log.info(
                                    "Demo seeding stopped at {} of {} steps; the next start with the demo switch"
                                            + " completes it",
                                    done,
                                    steps.size());
                            return sent;
                        }
                        throw e;
                    } finally {
                        clock.release();
                    }
                    seen.remove(step.aggregateId());
                    sent++;
                }
                done++;
                if (done % 100 == 0 || done == steps.size()) {
                    log.info("Demo seeding: {} of {} steps ({} sent now)", done, steps.size(), sent);
                }
            }
            return sent;
        } finally {
            GenericEventMessage.clock = clock.real();
        }
    }

    private List<Object> eventsOf(String aggregateId) {
        return events.readEvents(aggregateId, 0L)
                .asStream()
                .map(EventMessage::getPayload)
                .collect(Collectors.toList());
    }
}
