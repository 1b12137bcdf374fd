package dev.practicetracker.command.cohort;

import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateCohortCommand(@TargetAggregateIdentifier CohortId cohortId, String name, CoachId coachId) {}
