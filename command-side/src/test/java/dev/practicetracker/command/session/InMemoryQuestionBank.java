package dev.practicetracker.command.session;

import dev.practicetracker.command.question.BankQuestion;
import dev.practicetracker.command.question.QuestionBank;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.Theme;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A question bank held in memory, honouring the contract of {@link QuestionBank} like the projection does. */
final class InMemoryQuestionBank implements QuestionBank {

    private final Map<QuestionId, BankQuestion> questions = new LinkedHashMap<>();

    InMemoryQuestionBank add(BankQuestion... added) {
        for (BankQuestion question : added) {
            questions.put(question.questionId(), question);
        }
        return this;
    }

    @Override
    public Optional<BankQuestion> find(QuestionId questionId) {
        return Optional.ofNullable(questions.get(questionId));
    }

    @Override
    public List<BankQuestion> activeIn(Collection<Theme> themes) {
        return questions.values().stream()
                .filter(BankQuestion::active)
                .filter(question -> themes.contains(question.theme()))
                .sorted(Comparator.comparing(question -> question.questionId().value()))
                .toList();
    }
}
