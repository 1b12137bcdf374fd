package dev.practicetracker.events.session;

import dev.practicetracker.events.CandidateEvent;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.PersonalData;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A candidate answered one of the session's questions. */
@Revision("1")
public record QuestionAnsweredEvent(
        SessionId sessionId,
        CandidateId candidateId,
        CohortId cohortId,
        QuestionId questionId,
        Theme theme,
        @PersonalData(owner = "candidateId") String answer,
        int timeSpentSeconds,
        Instant answeredAt)
        implements CandidateEvent {}
