package dev.practicetracker.events.session;

import dev.practicetracker.events.CandidateEvent;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.PersonalData;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.RubricScores;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A rater scored an answer on the rubric for the first time. {@code comment} may be null. */
@Revision("1")
public record AnswerRatedEvent(
        SessionId sessionId,
        CandidateId candidateId,
        CohortId cohortId,
        QuestionId questionId,
        Theme theme,
        PersonId raterId,
        RaterRole raterRole,
        RubricScores scores,
        @PersonalData(owner = "candidateId") String comment,
        Instant ratedAt)
        implements CandidateEvent {}
