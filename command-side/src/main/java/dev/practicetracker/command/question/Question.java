package dev.practicetracker.command.question;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.practicetracker.command.RuleViolation;
import dev.practicetracker.command.Texts;
import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.question.QuestionAddedEvent;
import dev.practicetracker.events.question.QuestionRetiredEvent;
import dev.practicetracker.events.question.QuestionRevisedEvent;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An interview question in the bank, with the guidance raters score its answers against. */
@Aggregate
public class Question {

    static final int MAX_PROMPT_LENGTH = 1_000;
    static final int MAX_GUIDANCE_LENGTH = 4_000;
    static final int MAX_SOURCE_LENGTH = 200;

    @AggregateIdentifier
    private QuestionId questionId;

    private Theme theme;
    private Difficulty difficulty;
    private String prompt;
    private String strongAnswer;
    private boolean retired;

    /** Axon rebuilds the question from its events into an instance made with this constructor. */
    protected Question() {}

    @CommandHandler
    public Question(AddQuestionCommand command) {
        checkText(command.prompt(), command.strongAnswer());
        if (command.source() != null && command.source().length() > MAX_SOURCE_LENGTH) {
            throw new RuleViolation("source-too-long", "a source has at most " + MAX_SOURCE_LENGTH + " characters");
        }
        Texts.requireStorable("source", command.source());
        apply(new QuestionAddedEvent(
                command.questionId(),
                command.theme(),
                command.difficulty(),
                command.prompt().strip(),
                command.strongAnswer().strip(),
                command.source(),
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(ReviseQuestionCommand command) {
        if (retired) {
            throw new RuleViolation("question-retired", "question " + questionId + " is retired and cannot be revised");
        }
        checkText(command.prompt(), command.strongAnswer());
        boolean unchanged = command.difficulty() == difficulty
                && Objects.equals(command.prompt().strip(), prompt)
                && Objects.equals(command.strongAnswer().strip(), strongAnswer);
        if (unchanged) {
            throw new RuleViolation("no-change", "the revision changes nothing");
        }
        apply(new QuestionRevisedEvent(
                questionId,
                theme,
                command.difficulty(),
                command.prompt().strip(),
                command.strongAnswer().strip(),
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public void handle(RetireQuestionCommand command) {
        Texts.requireReason(command.reason());
        if (retired) {
            throw new RuleViolation("question-retired", "question " + questionId + " is already retired");
        }
        apply(new QuestionRetiredEvent(questionId, theme, command.reason(), GenericEventMessage.clock.instant()));
    }

    private static void checkText(String prompt, String strongAnswer) {
        Texts.requireStorable("prompt", prompt);
        Texts.requireStorable("strongAnswer", strongAnswer);
        if (prompt == null || prompt.isBlank() || prompt.length() > MAX_PROMPT_LENGTH) {
            throw new RuleViolation("question-prompt", "a prompt has 1 to " + MAX_PROMPT_LENGTH + " characters");
        }
        if (strongAnswer == null || strongAnswer.isBlank() || strongAnswer.length() > MAX_GUIDANCE_LENGTH) {
            throw new RuleViolation(
                    "question-guidance",
                    "the guidance on a strong answer has 1 to " + MAX_GUIDANCE_LENGTH + " characters");
        }
    }

    @EventSourcingHandler
    void on(QuestionAddedEvent event) {
        questionId = event.questionId();
        theme = event.theme();
        difficulty = event.difficulty();
        prompt = event.prompt();
        strongAnswer = event.strongAnswer();
    }

    @EventSourcingHandler
    void on(QuestionRevisedEvent event) {
        difficulty = event.difficulty();
        prompt = event.prompt();
        strongAnswer = event.strongAnswer();
    }

    @EventSourcingHandler
    void on(QuestionRetiredEvent event) {
        retired = true;
    }
}
