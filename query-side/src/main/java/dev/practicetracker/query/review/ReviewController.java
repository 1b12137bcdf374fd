package dev.practicetracker.query.review;

import dev.practicetracker.query.access.Visibility;
import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
import dev.practicetracker.security.Actor;
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

    /** Oldest answer first; only the coach themselves may read it (404 for anyone else), empty when nothing waits. */
    @GetMapping("/api/coaches/{coachId}/review-queue")
    Page<ReviewItem> reviewQueue(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String coachId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageRequest request = new PageRequest(page, size);
        visibility.requireCoach(actor, coachId);
        return queue.pending(coachId, request, Instant.now());
    }
}
