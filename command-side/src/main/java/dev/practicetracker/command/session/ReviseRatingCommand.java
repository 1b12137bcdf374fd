package dev.practicetracker.command.session;

import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.RubricScores;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.security.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces {@code rater}'s earlier rating of an answer; {@code claimedRole} may be null. */
public record ReviseRatingCommand(
        @TargetAggregateIdentifier SessionId sessionId,
        QuestionId questionId,
        Actor rater,
        RaterRole claimedRole,
        RubricScores scores,
        String comment) {}
