package dev.practicetracker.query.review;

import dev.practicetracker.query.cohort.Coaches;
import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a coach has left to rate. */
@RestController
class ReviewController {

    private final ReviewQueue queue;
    private final Coaches coaches;

    ReviewController(ReviewQueue queue, Coaches coaches) {
        this.queue = queue;
        this.coaches = coaches;
    }

    /** Oldest answer first; 404 for a coach who runs no cohort, an empty page for one with nothing to rate. */
    @GetMapping("/api/coaches/{coachId}/review-queue")
    Page<ReviewItem> reviewQueue(
            @PathVariable String coachId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageRequest request = new PageRequest(page, size);
        coaches.require(coachId);
        return queue.pending(coachId, request, Instant.now());
    }
}
