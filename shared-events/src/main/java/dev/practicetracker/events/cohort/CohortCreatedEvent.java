package dev.practicetracker.events.cohort;

import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A cohort was created with its first coach. */
@Revision("1")
public record CohortCreatedEvent(CohortId cohortId, String name, CoachId coachId, Instant createdAt) {}
