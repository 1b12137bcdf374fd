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

/** A rater changed their earlier rating of an answer; it replaces that rating, it does not add a second one. */
@Revision("1")
public record AnswerRatingRevisedEvent(
        SessionId sessionId,
        CandidateId candidateId,
        CohortId cohortId,
        QuestionId questionId,
        Theme theme,
        PersonId raterId,
        RaterRole raterRole,
        RubricScores scores,
        @PersonalData(owner = "candidateId") String comment,
        Instant revisedAt)
        implements CandidateEvent {}
