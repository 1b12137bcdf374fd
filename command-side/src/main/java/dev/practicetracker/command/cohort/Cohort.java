package dev.practicetracker.command.cohort;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.practicetracker.command.RuleViolation;
import dev.practicetracker.command.Texts;
import dev.practicetracker.command.account.AccountRegistry;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import dev.practicetracker.events.cohort.CandidateEnrolledEvent;
import dev.practicetracker.events.cohort.CandidateWithdrawnEvent;
import dev.practicetracker.events.cohort.CoachAssignedEvent;
import dev.practicetracker.events.cohort.CohortCreatedEvent;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A group of candidates preparing together under one coach. */
@Aggregate
public class Cohort {

    static final int MAX_NAME_LENGTH = 120;

    @AggregateIdentifier
    private CohortId cohortId;

    private CoachId coachId;
    private Set<String> enrolled;

    /** Axon rebuilds the cohort from its events into an instance made with this constructor. */
    protected Cohort() {}

    @CommandHandler
    public Cohort(CreateCohortCommand command, AccountRegistry accounts) {
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new RuleViolation("cohort-name", "a cohort name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
        Texts.requireStorable("name", name);
        requireActiveCoach(command.coachId(), accounts);
        apply(new CohortCreatedEvent(command.cohortId(), name, command.coachId(), GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(EnrolCandidateCommand command, AccountRegistry accounts) {
        if (!accounts.isActive(PersonId.of(command.candidateId().value()), Role.CANDIDATE)) {
            throw new RuleViolation(
                    "not-an-active-candidate", command.candidateId() + " is not an active candidate account");
        }
        if (enrolled.contains(command.candidateId().value())) {
            throw new RuleViolation(
                    "already-enrolled", "candidate " + command.candidateId() + " is already enrolled in this cohort");
        }
        apply(new CandidateEnrolledEvent(cohortId, command.candidateId(), GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(WithdrawCandidateCommand command) {
        Texts.requireReason(command.reason());
        if (!enrolled.contains(command.candidateId().value())) {
            throw new RuleViolation(
                    "not-enrolled", "candidate " + command.candidateId() + " is not enrolled in this cohort");
        }
        apply(new CandidateWithdrawnEvent(
                cohortId, command.candidateId(), command.reason(), GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(AssignCoachCommand command, AccountRegistry accounts) {
        requireActiveCoach(command.coachId(), accounts);
        if (command.coachId().equals(coachId)) {
            throw new RuleViolation("same-coach", "coach " + command.coachId() + " already runs this cohort");
        }
        apply(new CoachAssignedEvent(cohortId, command.coachId(), coachId, GenericEventMessage.clock.instant()));
    }

    private static void requireActiveCoach(CoachId coachId, AccountRegistry accounts) {
        if (coachId == null || !accounts.isActive(PersonId.of(coachId.value()), Role.COACH)) {
            throw new RuleViolation("not-an-active-coach", coachId + " is not an active coach account");
        }
    }

    @EventSourcingHandler
    void on(CohortCreatedEvent event) {
        cohortId = event.cohortId();
        coachId = event.coachId();
        enrolled = new HashSet<>();
    }

    @EventSourcingHandler
    void on(CandidateEnrolledEvent event) {
        enrolled.add(event.candidateId().value());
    }

    @EventSourcingHandler
    void on(CandidateWithdrawnEvent event) {
        enrolled.remove(event.candidateId().value());
    }

    @EventSourcingHandler
    void on(CoachAssignedEvent event) {
        coachId = event.coachId();
    }
}
