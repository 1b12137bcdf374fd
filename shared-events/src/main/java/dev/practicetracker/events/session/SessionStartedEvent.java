package dev.practicetracker.events.session;

import dev.practicetracker.events.CandidateEvent;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.SessionId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A candidate started practising. The chosen questions are recorded here, so the session replays the same way
 * however the question bank changes later. {@code cohortId} is null for a candidate practising outside a cohort.
 */
@Revision("1")
public record SessionStartedEvent(
        SessionId sessionId,
        CandidateId candidateId,
        CohortId cohortId,
        ReviewMode mode,
        List<PlannedQuestion> questions,
        long inactivityTimeoutSeconds,
        Instant startedAt)
        implements CandidateEvent {}
