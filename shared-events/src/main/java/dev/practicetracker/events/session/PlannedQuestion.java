package dev.practicetracker.events.session;

import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.Theme;

/** A question chosen for a session, with its wording as it was asked. */
public record PlannedQuestion(QuestionId questionId, Theme theme, Difficulty difficulty, String prompt) {}
