package dev.practicetracker.command.cohort;

import dev.practicetracker.command.web.ServerChosenId;
import dev.practicetracker.events.CandidateId;
import dev.practicetracker.events.CoachId;
import dev.practicetracker.events.CohortId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

/** Commands of a cohort: create, enrol, withdraw, assign a coach. */
@RestController
@RequestMapping("/api/cohorts")
class CohortController {

    private final CommandGateway commands;

    CohortController(CommandGateway commands) {
        this.commands = commands;
    }

    /** {@code cohortId} is refused: the server chooses it ({@link ServerChosenId}). */
    record CreateCohortRequest(
            @Schema(hidden = true) CohortId cohortId,
            String name,
            @NotNull CoachId coachId) {}

    record CohortCreated(CohortId cohortId, String name, CoachId coachId) {}

    @Operation(summary = "Create a cohort with its coach (an admin)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<CohortCreated> create(@Valid @RequestBody CreateCohortRequest request) {
        ServerChosenId.refuse(request.cohortId(), "cohortId", "cohort");
        // The created cohort's id: a retry with an Idempotency-Key gets the first attempt's, not a new one.
        CohortId cohortId =
                commands.sendAndWait(new CreateCohortCommand(CohortId.generate(), request.name(), request.coachId()));
        return ResponseEntity.created(URI.create("/api/cohorts/" + cohortId))
                .body(new CohortCreated(cohortId, request.name().strip(), request.coachId()));
    }

    record EnrolRequest(@NotNull CandidateId candidateId) {}

    record Membership(CohortId cohortId, CandidateId candidateId, String outcome) {}

    @Operation(summary = "Enrol a candidate in a cohort (an admin)")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{cohortId}/enrolments")
    ResponseEntity<Membership> enrol(@PathVariable CohortId cohortId, @Valid @RequestBody EnrolRequest request) {
        commands.sendAndWait(new EnrolCandidateCommand(cohortId, request.candidateId()));
        return ResponseEntity.created(URI.create("/api/cohorts/" + cohortId + "/enrolments/" + request.candidateId()))
                .body(new Membership(cohortId, request.candidateId(), "enrolled"));
    }

    record WithdrawRequest(@NotNull CandidateId candidateId, String reason) {}

    @Operation(summary = "Withdraw a candidate from a cohort (an admin)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{cohortId}/withdrawals")
    ResponseEntity<Membership> withdraw(@PathVariable CohortId cohortId, @Valid @RequestBody WithdrawRequest request) {
        String reason = request.reason() == null || request.reason().isBlank()
                ? null
                : request.reason().strip();
        commands.sendAndWait(new WithdrawCandidateCommand(cohortId, request.candidateId(), reason));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new Membership(cohortId, request.candidateId(), "withdrawn"));
    }

    record AssignCoachRequest(@NotNull CoachId coachId) {}

    record CoachAssigned(CohortId cohortId, CoachId coachId) {}

    @Operation(summary = "Assign a cohort another coach (an admin)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PutMapping("/{cohortId}/coach")
    ResponseEntity<CoachAssigned> assignCoach(
            @PathVariable CohortId cohortId, @Valid @RequestBody AssignCoachRequest request) {
        commands.sendAndWait(new AssignCoachCommand(cohortId, request.coachId()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new CoachAssigned(cohortId, request.coachId()));
    }
}
