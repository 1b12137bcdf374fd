package dev.practicetracker.query.review;

import dev.practicetracker.events.Theme;
import dev.practicetracker.query.access.Visibility;
import dev.practicetracker.query.web.BadRequest;
import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
import dev.practicetracker.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a coach has left to rate. */
@RestController
class ReviewController {

    private final ReviewQueue queue;
    private final Visibility visibility;

    ReviewController(ReviewQueue queue, Visibility visibility) {
        this.queue = queue;
        this.visibility = visibility;
    }

    static final int MAX_WAITED_HOURS = 24 * 365;
    static final int MAX_CANDIDATE_ID_LENGTH = 200;

    /**
     * Oldest answer first; only the coach themselves may read it (404 for anyone else), empty when nothing waits.
     * {@code candidate} and {@code theme} narrow it to one candidate's or one theme's answers; {@code waitedHours} to
     * answers that have waited at least that many hours (0 to 8760).
     */
    @Operation(
            summary =
                    "A coach's review queue: answers waiting for their rating, oldest first, with the candidate's self-rating; pages of 1 to 100")
    @GetMapping("/api/coaches/{coachId}/review-queue")
    Page<ReviewItem> reviewQueue(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String coachId,
            @RequestParam(required = false) String candidate,
            @RequestParam(required = false) Theme theme,
            @RequestParam(required = false) Integer waitedHours,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageRequest request = new PageRequest(page, size);
        // An id is printable text of modest length; PostgreSQL's text cannot even hold a NUL character.
        if (candidate != null
                && (candidate.length() > MAX_CANDIDATE_ID_LENGTH
                        || candidate.chars().anyMatch(Character::isISOControl))) {
            throw new BadRequest("candidate", "must be a candidate's id");
        }
        if (waitedHours != null && (waitedHours < 0 || waitedHours > MAX_WAITED_HOURS)) {
            throw new BadRequest("waitedHours", "must be from 0 to " + MAX_WAITED_HOURS);
        }
        visibility.requireCoach(actor, coachId);
        Instant now = Instant.now();
        ReviewQueue.Filter filter = new ReviewQueue.Filter(
                candidate == null || candidate.isBlank() ? null : candidate,
                theme,
                waitedHours == null ? null : now.minus(Duration.ofHours(waitedHours)));
        return queue.pending(coachId, filter, request, now);
    }
}
