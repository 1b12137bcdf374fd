package dev.practicetracker.query.question;

/** A skill theme, what it covers, and how many active questions the bank holds for it. */
record ThemeView(String id, String title, String covers, int activeQuestions) {}
