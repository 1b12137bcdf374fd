package dev.practicetracker.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operating the read side: rebuilds and dead letters. */
@RestController
@RequestMapping("/api/admin")
class AdminController {

    private final ReadModelRebuild rebuild;
    private final DeadLetters deadLetters;

    AdminController(ReadModelRebuild rebuild, DeadLetters deadLetters) {
        this.rebuild = rebuild;
        this.deadLetters = deadLetters;
    }

    @Operation(summary = "Start a rebuild of every read model from the event store (an admin)")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/rebuild")
    ResponseEntity<ReadModelRebuild.Progress> startRebuild() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.startRebuild());
    }

    @Operation(summary = "How the current or last rebuild is going (an admin)")
    @GetMapping("/rebuild")
    ReadModelRebuild.Progress rebuildProgress() {
        return rebuild.progress();
    }

    /**
     * Spring MVC checks the limit's constraints itself, answered as a 400 naming {@code limit}; the class carries no
     * {@code @Validated}, whose proxy would check them first and throw what no handler answers (a 500).
     */
    @Operation(summary = "Events a projection could not handle, waiting to be retried (an admin)")
    @GetMapping("/dead-letters")
    DeadLetters.Summary deadLetters(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return deadLetters.summary(limit);
    }

    @Operation(summary = "Retry the dead letters (an admin)")
    @PostMapping("/dead-letters/retry")
    Map<String, Object> retryDeadLetters() {
        int succeeded = deadLetters.retryAll();
        return Map.of("sequencesSucceeded", succeeded, "lettersLeft", deadLetters.count());
    }
}
