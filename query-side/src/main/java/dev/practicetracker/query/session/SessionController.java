package dev.practicetracker.query.session;

import dev.practicetracker.query.access.Visibility;
import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
import dev.practicetracker.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A candidate's practice history: sessions newest first, one session in full, everything answered as CSV. */
@RestController("sessionQueryController") // the command side has a SessionController too, and the app has both
@RequestMapping("/api")
class SessionController {

    static final String TEXT_CSV = "text/csv";

    private final SessionQueries queries;
    private final HistoryExport export;
    private final Visibility visibility;

    SessionController(SessionQueries queries, HistoryExport export, Visibility visibility) {
        this.visibility = visibility;
        this.queries = queries;
        this.export = export;
    }

    @Operation(summary = "A candidate's sessions, newest first; pages of 1 to 100")
    @GetMapping("/candidates/{candidateId}/sessions")
    Page<SessionView> sessions(
            @AuthenticationPrincipal Actor actor,
            @PathVariable String candidateId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        visibility.requireCandidate(actor, candidateId);
        return queries.sessions(candidateId, new PageRequest(page, size));
    }

    @Operation(summary = "One session with its questions, answers and ratings")
    @GetMapping("/sessions/{sessionId}")
    SessionView session(@AuthenticationPrincipal Actor actor, @PathVariable String sessionId) {
        visibility.requireSession(actor, sessionId);
        return queries.session(sessionId);
    }

    /**
     * Written straight to the response as rows are read, so a long history never sits in memory whole. The candidate
     * is checked first, while a 404 can still be answered.
     */
    @Operation(summary = "A candidate's ratings as CSV")
    @GetMapping("/candidates/{candidateId}/history.csv")
    void history(@AuthenticationPrincipal Actor actor, @PathVariable String candidateId, HttpServletResponse response)
            throws IOException {
        visibility.requireCandidate(actor, candidateId);
        queries.requireCandidate(candidateId);
        response.setContentType(TEXT_CSV);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("candidate-" + candidateId + "-history.csv")
                        .build()
                        .toString());
        export.write(candidateId, response.getWriter());
    }
}
