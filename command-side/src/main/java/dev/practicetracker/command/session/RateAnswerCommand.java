package dev.practicetracker.command.session;

import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.RubricScores;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.security.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A first rating of an answer by {@code rater}, the account acting; the rater's role follows from who they are.
 * {@code claimedRole} is the role the client said (null if it said none); {@code comment} may be null.
 */
public record RateAnswerCommand(
        @TargetAggregateIdentifier SessionId sessionId,
        QuestionId questionId,
        Actor rater,
        RaterRole claimedRole,
        RubricScores scores,
        String comment) {}
