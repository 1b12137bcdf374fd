package dev.practicetracker.command.session;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.RubricScores;
import dev.practicetracker.events.SessionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces {@code raterId}'s earlier rating of an answer. */
public record ReviseRatingCommand(
        @TargetAggregateIdentifier SessionId sessionId,
        QuestionId questionId,
        PersonId raterId,
        RaterRole raterRole,
        RubricScores scores,
        String comment) {}
