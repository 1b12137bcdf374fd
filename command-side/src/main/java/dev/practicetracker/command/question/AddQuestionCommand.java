package dev.practicetracker.command.question;

import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.Theme;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddQuestionCommand(
        @TargetAggregateIdentifier QuestionId questionId,
        Theme theme,
        Difficulty difficulty,
        String prompt,
        String strongAnswer,
        String source) {}
