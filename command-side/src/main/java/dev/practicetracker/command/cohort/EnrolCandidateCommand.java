package dev.practicetracker.command.cohort;

import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EnrolCandidateCommand(
        @TargetAggregateIdentifier CohortId cohortId, CandidateId candidateId) {}
