package dev.practicetracker.command.question;

import static dev.practicetracker.command.RuleViolations.violationOf;

import dev.practicetracker.command.RuleViolation;
import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.question.QuestionAddedEvent;
import dev.practicetracker.events.question.QuestionRetiredEvent;
import dev.practicetracker.events.question.QuestionRevisedEvent;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuestionTest {

    private static final Instant T0 = Instant.parse("2025-03-10T09:00:00Z");
    private static final QuestionId QUESTION = QuestionId.of("question-1");
    private static final String PROMPT = "When would you pick a document store over a relational database?";
    private static final String GUIDANCE = "Names access patterns, consistency needs and a concrete example.";
    private static final String SOURCE = "hiring manager tip";

    private AggregateTestFixture<Question> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Question.class);
        fixture.givenCurrentTime(T0);
    }

    @Test
    void addsAQuestionToTheBank() {
        fixture.givenNoPriorActivity()
                .when(new AddQuestionCommand(
                        QUESTION, Theme.DATABASES, Difficulty.INTERMEDIATE, PROMPT, GUIDANCE, SOURCE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new QuestionAddedEvent(
                        QUESTION, Theme.DATABASES, Difficulty.INTERMEDIATE, PROMPT, GUIDANCE, SOURCE, T0));
    }

    @Test
    void addsAQuestionWithItsTextsStripped() {
        fixture.givenNoPriorActivity()
                .when(new AddQuestionCommand(
                        QUESTION,
                        Theme.DATABASES,
                        Difficulty.INTERMEDIATE,
                        "  " + PROMPT + "\n",
                        "\t" + GUIDANCE,
                        null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new QuestionAddedEvent(
                        QUESTION, Theme.DATABASES, Difficulty.INTERMEDIATE, PROMPT, GUIDANCE, null, T0));
    }

    @Test
    void rejectsAQuestionWithABlankPrompt() {
        fixture.givenNoPriorActivity()
                .when(new AddQuestionCommand(QUESTION, Theme.DATABASES, Difficulty.INTERMEDIATE, " ", GUIDANCE, SOURCE))
                .expectException(RuleViolation.class)
                .expectException(violationOf("question-prompt"))
                .expectNoEvents();
    }

    @Test
    void rejectsAQuestionWithAPromptThatIsTooLong() {
        fixture.givenNoPriorActivity()
                .when(new AddQuestionCommand(
                        QUESTION, Theme.DATABASES, Difficulty.INTERMEDIATE, "p".repeat(1_001), GUIDANCE, SOURCE))
                .expectException(RuleViolation.class)
                .expectException(violationOf("question-prompt"))
                .expectNoEvents();
    }

    @Test
    void rejectsAQuestionWhoseSourceIsLongerThanTwoHundredCharacters() {
        fixture.givenNoPriorActivity()
                .when(new AddQuestionCommand(
                        QUESTION, Theme.DATABASES, Difficulty.INTERMEDIATE, PROMPT, GUIDANCE, "s".repeat(201)))
                .expectException(violationOf("source-too-long"))
                .expectNoEvents();
    }

    @Test
    void rejectsAQuestionWithBlankGuidance() {
        fixture.givenNoPriorActivity()
                .when(new AddQuestionCommand(QUESTION, Theme.DATABASES, Difficulty.INTERMEDIATE, PROMPT, "\n", SOURCE))
                .expectException(RuleViolation.class)
                .expectException(violationOf("question-guidance"))
                .expectNoEvents();
    }

    @Test
    void rejectsAQuestionWithoutGuidance() {
        fixture.givenNoPriorActivity()
                .when(new AddQuestionCommand(QUESTION, Theme.DATABASES, Difficulty.INTERMEDIATE, PROMPT, null, SOURCE))
                .expectException(RuleViolation.class)
                .expectException(violationOf("question-guidance"))
                .expectNoEvents();
    }

    @Test
    void revisesTheWordingOfAQuestionKeepingItsTheme() {
        fixture.given(added())
                .when(new ReviseQuestionCommand(QUESTION, Difficulty.ADVANCED, "Reworded: " + PROMPT, GUIDANCE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new QuestionRevisedEvent(
                        QUESTION, Theme.DATABASES, Difficulty.ADVANCED, "Reworded: " + PROMPT, GUIDANCE, T0));
    }

    @Test
    void revisesOnlyTheDifficultyOfAQuestion() {
        fixture.given(added())
                .when(new ReviseQuestionCommand(QUESTION, Difficulty.FOUNDATION, PROMPT, GUIDANCE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new QuestionRevisedEvent(
                        QUESTION, Theme.DATABASES, Difficulty.FOUNDATION, PROMPT, GUIDANCE, T0));
    }

    @Test
    void rejectsARevisionThatChangesNothing() {
        fixture.given(added())
                .when(new ReviseQuestionCommand(QUESTION, Difficulty.INTERMEDIATE, " " + PROMPT + " ", GUIDANCE))
                .expectException(RuleViolation.class)
                .expectException(violationOf("no-change"))
                .expectNoEvents();
    }

    @Test
    void rejectsARevisionThatRepeatsTheLatestRevision() {
        fixture.given(
                        added(),
                        new QuestionRevisedEvent(
                                QUESTION, Theme.DATABASES, Difficulty.ADVANCED, "Reworded", GUIDANCE, T0))
                .when(new ReviseQuestionCommand(QUESTION, Difficulty.ADVANCED, "Reworded", GUIDANCE))
                .expectException(RuleViolation.class)
                .expectException(violationOf("no-change"))
                .expectNoEvents();
    }

    @Test
    void rejectsARevisionWithABlankPrompt() {
        fixture.given(added())
                .when(new ReviseQuestionCommand(QUESTION, Difficulty.ADVANCED, "", GUIDANCE))
                .expectException(RuleViolation.class)
                .expectException(violationOf("question-prompt"))
                .expectNoEvents();
    }

    @Test
    void rejectsRevisingARetiredQuestion() {
        fixture.given(added(), retired())
                .when(new ReviseQuestionCommand(QUESTION, Difficulty.ADVANCED, "Reworded", GUIDANCE))
                .expectException(RuleViolation.class)
                .expectException(violationOf("question-retired"))
                .expectNoEvents();
    }

    @Test
    void retiresAQuestion() {
        fixture.given(added())
                .when(new RetireQuestionCommand(QUESTION, "duplicate of question-7"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new QuestionRetiredEvent(QUESTION, Theme.DATABASES, "duplicate of question-7", T0));
    }

    @Test
    void rejectsARetirementWhoseReasonIsLongerThanAThousandCharacters() {
        fixture.given(added())
                .when(new RetireQuestionCommand(QUESTION, "r".repeat(1_001)))
                .expectException(violationOf("reason-too-long"))
                .expectNoEvents();
    }

    @Test
    void rejectsRetiringAQuestionTwice() {
        fixture.given(added(), retired())
                .when(new RetireQuestionCommand(QUESTION, null))
                .expectException(RuleViolation.class)
                .expectException(violationOf("question-retired"))
                .expectExceptionMessage("question " + QUESTION + " is already retired")
                .expectNoEvents();
    }

    private static QuestionAddedEvent added() {
        return new QuestionAddedEvent(QUESTION, Theme.DATABASES, Difficulty.INTERMEDIATE, PROMPT, GUIDANCE, SOURCE, T0);
    }

    private static QuestionRetiredEvent retired() {
        return new QuestionRetiredEvent(QUESTION, Theme.DATABASES, null, T0);
    }
}
