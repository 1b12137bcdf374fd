package dev.practicetracker.command.session;

import dev.practicetracker.command.RuleViolation;
import dev.practicetracker.command.question.BankQuestion;
import dev.practicetracker.command.question.QuestionBank;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.session.PlannedQuestion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Chooses a session's questions from the active ones in the bank. */
public class QuestionPicker {

    private final QuestionBank bank;
    private final Random random;

    public QuestionPicker(QuestionBank bank, Random random) {
        this.bank = bank;
        this.random = random;
    }

    /** The named questions, in the order given; each must exist, be active and appear once. */
    List<PlannedQuestion> resolve(List<QuestionId> questionIds) {
        Set<QuestionId> seen = new HashSet<>();
        List<PlannedQuestion> planned = new ArrayList<>();
        for (QuestionId id : questionIds) {
            if (!seen.add(id)) {
                throw new RuleViolation("duplicate-question", "question " + id + " is named twice");
            }
            BankQuestion question = bank.find(id)
                    .orElseThrow(() -> new RuleViolation("unknown-question", "there is no question " + id));
            if (!question.active()) {
                throw new RuleViolation("retired-question", "question " + id + " is retired");
            }
            planned.add(toPlanned(question));
        }
        return planned;
    }

    /**
     * {@code count} questions drawn at random, spread as evenly as the bank allows over the themes (round robin over a
     * shuffled list per theme), so a two-theme session of six questions has three of each.
     */
    List<PlannedQuestion> draw(Set<Theme> themes, int count) {
        Map<Theme, List<BankQuestion>> byTheme = new EnumMap<>(Theme.class);
        for (BankQuestion question : bank.activeIn(themes)) {
            byTheme.computeIfAbsent(question.theme(), theme -> new ArrayList<>())
                    .add(question);
        }
        int available = byTheme.values().stream().mapToInt(List::size).sum();
        if (available < count) {
            throw new RuleViolation(
                    "not-enough-questions",
                    "only " + available + " active questions in the chosen themes, " + count + " were asked for");
        }
        byTheme.values().forEach(list -> Collections.shuffle(list, random));
        List<Theme> order = new ArrayList<>(new LinkedHashSet<>(byTheme.keySet()));
        Collections.shuffle(order, random);
        List<PlannedQuestion> planned = new ArrayList<>();
        int round = 0;
        while (planned.size() < count) {
            for (Theme theme : order) {
                List<BankQuestion> list = byTheme.get(theme);
                if (round < list.size() && planned.size() < count) {
                    planned.add(toPlanned(list.get(round)));
                }
            }
            round++;
        }
        return planned;
    }

    private static PlannedQuestion toPlanned(BankQuestion question) {
        return new PlannedQuestion(question.questionId(), question.theme(), question.difficulty(), question.prompt());
    }
}
