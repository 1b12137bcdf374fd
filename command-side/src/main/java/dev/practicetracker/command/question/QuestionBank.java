package dev.practicetracker.command.question;

import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.Theme;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The questions sessions may draw from. */
public interface QuestionBank {

    Optional<BankQuestion> find(QuestionId questionId);

    /** Active questions of the given themes, in a stable order. */
    List<BankQuestion> activeIn(Collection<Theme> themes);
}
