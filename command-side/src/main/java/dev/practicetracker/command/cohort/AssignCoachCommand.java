package dev.practicetracker.command.cohort;

import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignCoachCommand(@TargetAggregateIdentifier CohortId cohortId, CoachId coachId) {}
