package dev.practicetracker.events.session;

import dev.practicetracker.events.CandidateEvent;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The candidate finished the session, having answered {@code answeredCount} of {@code plannedCount} questions. */
@Revision("1")
public record SessionCompletedEvent(
        SessionId sessionId,
        CandidateId candidateId,
        CohortId cohortId,
        int answeredCount,
        int plannedCount,
        Instant completedAt)
        implements CandidateEvent {}
