package dev.practicetracker.events.cohort;

import dev.practicetracker.events.CandidateEvent;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A candidate left a cohort. {@code reason} may be null. */
@Revision("1")
public record CandidateWithdrawnEvent(
        CohortId cohortId,
        CandidateId candidateId,
        @PersonalData(owner = "candidateId") String reason,
        Instant withdrawnAt)
        implements CandidateEvent {}
