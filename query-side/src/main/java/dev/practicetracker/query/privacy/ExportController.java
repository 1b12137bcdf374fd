package dev.practicetracker.query.privacy;

import dev.practicetracker.events.Role;
import dev.practicetracker.security.Actor;
import dev.practicetracker.security.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Download my data": the candidate themselves, or an admin for anyone (a request made by post, a regulator's).
 * Coaches are refused by the access rules, another candidate here, both with 403.
 */
@RestController
class ExportController {

    private final CandidateExport export;

    ExportController(CandidateExport export) {
        this.export = export;
    }

    @Operation(
            summary =
                    "Everything held about a candidate, as one JSON file built from their events (the candidate, an admin)")
    @GetMapping(path = "/api/candidates/{candidateId}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> export(@AuthenticationPrincipal Actor actor, @PathVariable String candidateId) {
        if (!actor.is(Role.ADMIN) && !actor.getName().equals(candidateId)) {
            return Problems.respond(Problems.problem(
                    HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "a candidate downloads only their own data"));
        }
        Map<String, Object> body = export.of(candidateId);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("practice-tracker-" + candidateId + ".json")
                                .build()
                                .toString())
                .body(body);
    }
}
