package dev.practicetracker.command.session;

import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.security.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AnswerQuestionCommand(
        @TargetAggregateIdentifier SessionId sessionId,
        QuestionId questionId,
        String answer,
        int timeSpentSeconds,
        Actor actor) {}
