package dev.practicetracker.events.cohort;

import dev.practicetracker.events.CandidateEvent;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A candidate joined a cohort (again, if they had been withdrawn). */
@Revision("1")
public record CandidateEnrolledEvent(CohortId cohortId, CandidateId candidateId, Instant enrolledAt)
        implements CandidateEvent {}
