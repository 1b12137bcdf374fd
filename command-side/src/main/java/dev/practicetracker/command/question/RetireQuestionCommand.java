package dev.practicetracker.command.question;

import dev.practicetracker.events.QuestionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code reason} may be null. */
public record RetireQuestionCommand(
        @TargetAggregateIdentifier QuestionId questionId, String reason) {}
