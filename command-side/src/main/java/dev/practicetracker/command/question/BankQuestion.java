package dev.practicetracker.command.question;

import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.Theme;

/** A question as the write side knows it when planning a session. */
public record BankQuestion(
        QuestionId questionId,
        Theme theme,
        Difficulty difficulty,
        String prompt,
        String strongAnswer,
        boolean active) {}
