package dev.practicetracker.events.session;

import dev.practicetracker.events.CandidateEvent;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.PersonalData;
import dev.practicetracker.events.SessionId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The candidate gave the session up. {@code reason} may be null. */
@Revision("1")
public record SessionAbandonedEvent(
        SessionId sessionId,
        CandidateId candidateId,
        CohortId cohortId,
        int answeredCount,
        @PersonalData(owner = "candidateId") String reason,
        Instant abandonedAt)
        implements CandidateEvent {}
