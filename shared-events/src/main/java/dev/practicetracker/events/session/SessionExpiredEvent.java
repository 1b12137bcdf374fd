package dev.practicetracker.events.session;

import dev.practicetracker.events.CandidateEvent;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The session saw no activity for its inactivity timeout and was closed. */
@Revision("1")
public record SessionExpiredEvent(
        SessionId sessionId,
        CandidateId candidateId,
        CohortId cohortId,
        int answeredCount,
        Instant lastActivityAt,
        Instant expiredAt)
        implements CandidateEvent {}
