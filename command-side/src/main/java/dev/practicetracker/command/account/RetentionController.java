package dev.practicetracker.command.account;

import dev.practicetracker.command.web.InvalidRequest;
import dev.practicetracker.events.account.RetentionPolicySetEvent;
import dev.practicetracker.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The programme's retention period for withdrawn accounts (docs/privacy.md#retention). */
@RestController
@RequestMapping("/api/admin/retention")
class RetentionController {

    private final CommandGateway commands;

    RetentionController(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * Read as text and parsed here: Jackson would also take a bare number as seconds, which no admin means. Days are
     * the unit an admin thinks in; months and years have no fixed length, so they are refused with a hint.
     */
    record RetentionRequest(
            @Schema(
                    description = "ISO-8601 duration after a withdrawal when the person is erased"
                            + " (P1D to P3650D), or null to erase only by hand",
                    example = "P90D",
                    nullable = true)
            String withdrawnErasedAfter) {

        Duration period() {
            if (withdrawnErasedAfter == null) {
                return null;
            }
            try {
                return Duration.parse(withdrawnErasedAfter.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidRequest(
                        "withdrawnErasedAfter",
                        "must be an ISO-8601 duration in days, for example P90D (not months or years), or null");
            }
        }
    }

    record RetentionSet(Duration withdrawnErasedAfter, String outcome) {}

    @Operation(
            summary = "Set how long a withdrawn account's person is kept before being erased automatically (an admin)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PutMapping
    ResponseEntity<RetentionSet> set(@AuthenticationPrincipal Actor actor, @RequestBody RetentionRequest request) {
        Duration period = request.period();
        commands.sendAndWait(new SetRetentionPolicyCommand(RetentionPolicySetEvent.POLICY_ID, period, actor));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new RetentionSet(
                        period,
                        period == null
                                ? "withdrawn accounts are erased only by hand"
                                : "withdrawn accounts are erased " + period.toDays() + " days after their withdrawal"));
    }
}
