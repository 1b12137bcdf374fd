package dev.practicetracker.command.cohort;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code reason} may be null. */
public record WithdrawCandidateCommand(
        @TargetAggregateIdentifier CohortId cohortId, CandidateId candidateId, String reason) {}
