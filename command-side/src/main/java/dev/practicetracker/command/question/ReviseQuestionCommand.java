package dev.practicetracker.command.question;

import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.QuestionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReviseQuestionCommand(
        @TargetAggregateIdentifier QuestionId questionId, Difficulty difficulty, String prompt, String strongAnswer) {}
