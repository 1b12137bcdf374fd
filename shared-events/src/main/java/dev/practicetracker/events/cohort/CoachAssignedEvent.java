package dev.practicetracker.events.cohort;

import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Another coach took over a cohort from {@code previousCoachId}. */
@Revision("1")
public record CoachAssignedEvent(CohortId cohortId, CoachId coachId, CoachId previousCoachId, Instant assignedAt) {}
