package dev.practicetracker.query.profile;

import dev.practicetracker.query.access.Visibility;
import dev.practicetracker.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Beside a candidate's profile: the criteria per theme, one readiness figure, and the level jumps explained. */
@RestController
@RequestMapping("/api/candidates/{candidateId}")
class ProfileDetailsController {

    private final ProfileDetails details;
    private final Visibility visibility;

    ProfileDetailsController(ProfileDetails details, Visibility visibility) {
        this.details = details;
        this.visibility = visibility;
    }

    @Operation(
            summary =
                    "A candidate's mean score per rubric criterion and theme, coach and peer ratings apart from self-ratings")
    @GetMapping("/criteria")
    ProfileDetails.CriteriaReport criteria(@AuthenticationPrincipal Actor actor, @PathVariable String candidateId) {
        visibility.requireCandidate(actor, candidateId);
        return details.criteria(candidateId);
    }

    @Operation(summary = "One readiness figure in level points (0-100) with its basis: the mean over all themes")
    @GetMapping("/readiness")
    ProfileDetails.Readiness readiness(@AuthenticationPrincipal Actor actor, @PathVariable String candidateId) {
        visibility.requireCandidate(actor, candidateId);
        return details.readiness(candidateId, Instant.now());
    }

    @Operation(summary = "Days a theme's level moved 15 points or more, and why")
    @GetMapping("/jumps")
    ProfileDetails.JumpReport jumps(@AuthenticationPrincipal Actor actor, @PathVariable String candidateId) {
        visibility.requireCandidate(actor, candidateId);
        return details.jumps(candidateId);
    }
}
