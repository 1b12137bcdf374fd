package dev.practicetracker.query.session;

import dev.practicetracker.query.web.Page;
import dev.practicetracker.query.web.PageRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A candidate's practice history: sessions newest first, one session in full, everything answered as CSV. */
@RestController
@RequestMapping("/api")
class SessionController {

    static final String TEXT_CSV = "text/csv";

    private final SessionQueries queries;
    private final HistoryExport export;

    SessionController(SessionQueries queries, HistoryExport export) {
        this.queries = queries;
        this.export = export;
    }

    @GetMapping("/candidates/{candidateId}/sessions")
    Page<SessionView> sessions(
            @PathVariable String candidateId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return queries.sessions(candidateId, new PageRequest(page, size));
    }

    @GetMapping("/sessions/{sessionId}")
    SessionView session(@PathVariable String sessionId) {
        return queries.session(sessionId);
    }

    /**
     * Written straight to the response as rows are read, so a long history never sits in memory whole. The candidate
     * is checked first, while a 404 can still be answered.
     */
    @GetMapping("/candidates/{candidateId}/history.csv")
    void history(@PathVariable String candidateId, HttpServletResponse response) throws IOException {
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
