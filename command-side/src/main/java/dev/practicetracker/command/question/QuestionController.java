package dev.practicetracker.command.question;

import dev.practicetracker.events.Difficulty;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.Theme;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Commands of the question bank: add, revise, retire. */
@RestController
@RequestMapping("/api/questions")
class QuestionController {

    private final CommandGateway commands;

    QuestionController(CommandGateway commands) {
        this.commands = commands;
    }

    record AddQuestionRequest(
            QuestionId questionId,
            @NotNull Theme theme,
            @NotNull Difficulty difficulty,

            String prompt,
            String strongAnswer,

            String source) {}

    record QuestionAccepted(QuestionId questionId, String outcome) {}

    @Operation(summary = "Add a question to the bank (a coach or an admin)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<QuestionAccepted> add(@Valid @RequestBody AddQuestionRequest request) {
        // The added question's id: a retry with an Idempotency-Key gets the first attempt's, not a new one.
        QuestionId questionId = commands.sendAndWait(new AddQuestionCommand(
                request.questionId() != null ? request.questionId() : QuestionId.generate(),
                request.theme(),
                request.difficulty(),
                request.prompt(),
                request.strongAnswer(),
                request.source()));
        return ResponseEntity.created(URI.create("/api/questions/" + questionId))
                .body(new QuestionAccepted(questionId, "added"));
    }

    record ReviseQuestionRequest(@NotNull Difficulty difficulty, String prompt, String strongAnswer) {}

    @Operation(summary = "Revise a question: its difficulty, prompt and guidance (a coach or an admin)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PutMapping("/{questionId}")
    ResponseEntity<QuestionAccepted> revise(
            @PathVariable QuestionId questionId, @Valid @RequestBody ReviseQuestionRequest request) {
        commands.sendAndWait(
                new ReviseQuestionCommand(questionId, request.difficulty(), request.prompt(), request.strongAnswer()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new QuestionAccepted(questionId, "revised"));
    }

    record RetireQuestionRequest(String reason) {}

    @Operation(summary = "Retire a question: no new session asks it, past answers keep it (a coach or an admin)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{questionId}/retire")
    ResponseEntity<QuestionAccepted> retire(
            @PathVariable QuestionId questionId, @RequestBody(required = false) RetireQuestionRequest request) {
        String reason =
                request == null || request.reason() == null || request.reason().isBlank()
                        ? null
                        : request.reason().strip();
        commands.sendAndWait(new RetireQuestionCommand(questionId, reason));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new QuestionAccepted(questionId, "retired"));
    }
}
