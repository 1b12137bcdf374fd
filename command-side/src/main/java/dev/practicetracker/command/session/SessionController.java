package dev.practicetracker.command.session;

import dev.practicetracker.command.Forbidden;
import dev.practicetracker.command.web.Scores;
import dev.practicetracker.command.web.ServerChosenId;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CohortId;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.QuestionId;
import dev.practicetracker.events.RaterRole;
import dev.practicetracker.events.ReviewMode;
import dev.practicetracker.events.SessionId;
import dev.practicetracker.events.Theme;
import dev.practicetracker.events.session.PlannedQuestion;
import dev.practicetracker.events.session.SessionStartedEvent;
import dev.practicetracker.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands of a practice session: start, answer, rate, revise a rating, complete, abandon. The controller reads the
 * request (types, required fields, the rubric's keys); every limit and rule is the session's to decide.
 */
@RestController
@RequestMapping("/api/sessions")
class SessionController {

    private final CommandGateway commands;

    SessionController(CommandGateway commands) {
        this.commands = commands;
    }

    /** {@code sessionId} is refused: the server chooses it ({@link ServerChosenId}). */
    record StartSessionRequest(
            @Schema(hidden = true) SessionId sessionId,
            CandidateId candidateId,
            CohortId cohortId,
            ReviewMode mode,
            List<@NotNull Theme> themes,
            Integer questionCount,
            List<@NotNull QuestionId> questionIds) {}

    record StartedSession(
            SessionId sessionId,
            CandidateId candidateId,
            CohortId cohortId,
            ReviewMode mode,
            List<PlannedQuestion> questions,
            long inactivityTimeoutSeconds,
            Instant startedAt,
            Map<String, String> links) {}

    @Operation(summary = "Start a practice session: named questions, or 1 to 20 questions from chosen themes")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<StartedSession> start(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody StartSessionRequest request) {
        if (request.candidateId() != null && !actor.isCandidate(request.candidateId())) {
            throw new Forbidden("a session is started by its own candidate; candidateId names someone else");
        }
        ServerChosenId.refuse(request.sessionId(), "sessionId", "session");
        SessionStartedEvent started = commands.sendAndWait(new StartSessionCommand(
                SessionId.generate(),
                actor.asCandidate(),
                request.cohortId(),
                request.mode() != null ? request.mode() : ReviewMode.SELF,
                request.themes() != null ? request.themes() : List.of(),
                request.questionCount() != null ? request.questionCount() : 0,
                request.questionIds() != null ? request.questionIds() : List.of()));
        // The started session's id, not the one drawn above: a retry with an Idempotency-Key gets the first one's.
        SessionId sessionId = started.sessionId();
        URI location = URI.create("/api/sessions/" + sessionId);
        return ResponseEntity.created(location)
                .body(new StartedSession(
                        sessionId,
                        started.candidateId(),
                        started.cohortId(),
                        started.mode(),
                        started.questions(),
                        started.inactivityTimeoutSeconds(),
                        started.startedAt(),
                        links(sessionId)));
    }

    record AnswerRequest(
            @NotNull QuestionId questionId,
            @NotNull String answer,
            @NotNull Integer timeSpentSeconds) {}

    record Accepted(SessionId sessionId, QuestionId questionId, String outcome, Map<String, String> links) {}

    @Operation(summary = "Answer one of the session's questions (time spent in seconds)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{sessionId}/answers")
    ResponseEntity<Accepted> answer(
            @AuthenticationPrincipal Actor actor,
            @PathVariable SessionId sessionId,
            @Valid @RequestBody AnswerRequest request) {
        commands.sendAndWait(new AnswerQuestionCommand(
                sessionId, request.questionId(), request.answer(), request.timeSpentSeconds(), actor));
        return ResponseEntity.created(URI.create("/api/sessions/" + sessionId + "/answers/" + request.questionId()))
                .body(new Accepted(sessionId, request.questionId(), "answered", links(sessionId)));
    }

    /** {@code raterId} and {@code raterRole} may be left out; if given, they must be the caller's. */
    record RatingRequest(PersonId raterId, RaterRole raterRole, Map<String, Integer> scores, String comment) {}

    @Operation(
            summary =
                    "Rate an answer on the rubric, 1 to 5 per criterion: self, a coach of the cohort, or a cohort-mate in a peer session")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{sessionId}/answers/{questionId}/ratings")
    ResponseEntity<Accepted> rate(
            @AuthenticationPrincipal Actor actor,
            @PathVariable SessionId sessionId,
            @PathVariable QuestionId questionId,
            @RequestBody RatingRequest request) {
        if (request.raterId() != null && !request.raterId().equals(actor.accountId())) {
            throw new Forbidden("the rater is the account that is logged in; raterId names someone else");
        }
        commands.sendAndWait(new RateAnswerCommand(
                sessionId,
                questionId,
                actor,
                request.raterRole(),
                Scores.parse(request.scores()),
                blankToNull(request.comment())));
        URI location =
                URI.create("/api/sessions/" + sessionId + "/answers/" + questionId + "/ratings/" + actor.accountId());
        return ResponseEntity.created(location).body(new Accepted(sessionId, questionId, "rated", links(sessionId)));
    }

    record RevisionRequest(RaterRole raterRole, Map<String, Integer> scores, String comment) {}

    @Operation(summary = "Revise your own rating of an answer; earlier versions are kept")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PutMapping("/{sessionId}/answers/{questionId}/ratings/{raterId}")
    ResponseEntity<Accepted> revise(
            @AuthenticationPrincipal Actor actor,
            @PathVariable SessionId sessionId,
            @PathVariable QuestionId questionId,
            @PathVariable PersonId raterId,
            @RequestBody RevisionRequest request) {
        if (!raterId.equals(actor.accountId())) {
            throw new Forbidden("a rating is revised by its own rater");
        }
        commands.sendAndWait(new ReviseRatingCommand(
                sessionId,
                questionId,
                actor,
                request.raterRole(),
                Scores.parse(request.scores()),
                blankToNull(request.comment())));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new Accepted(sessionId, questionId, "rating revised", links(sessionId)));
    }

    record Ended(SessionId sessionId, String status, Map<String, String> links) {}

    @Operation(summary = "Complete a session")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{sessionId}/complete")
    ResponseEntity<Ended> complete(@AuthenticationPrincipal Actor actor, @PathVariable SessionId sessionId) {
        commands.sendAndWait(new CompleteSessionCommand(sessionId, actor));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Ended(sessionId, "completed", links(sessionId)));
    }

    record AbandonRequest(String reason) {}

    @Operation(summary = "Abandon a session, with an optional reason")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{sessionId}/abandon")
    ResponseEntity<Ended> abandon(
            @AuthenticationPrincipal Actor actor,
            @PathVariable SessionId sessionId,
            @RequestBody(required = false) AbandonRequest request) {
        String reason = request == null ? null : blankToNull(request.reason());
        commands.sendAndWait(new AbandonSessionCommand(sessionId, reason, actor));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Ended(sessionId, "abandoned", links(sessionId)));
    }

    private static Map<String, String> links(SessionId sessionId) {
        String base = "/api/sessions/" + sessionId;
        return Map.of(
                "answer", base + "/answers",
                "complete", base + "/complete",
                "abandon", base + "/abandon");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
