package dev.practicetracker.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What a command request addressed, read from the path variables Spring resolved when it chose the controller method
 * ({@code /api/sessions/{sessionId}/...} addresses a session): a not-found answer names the kind and the id the
 * caller sent, whatever kind of stream the id turned out to belong to.
 */
record Addressed(String kind, String id) {

    /** In this order, because a rating's path names both its session and its question and addresses the session. */
    private static final List<String> KINDS = List.of("session", "cohort", "account", "question");

    static Addressed by(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables != null) {
            for (String kind : KINDS) {
                String id = variables.get(kind + "Id");
                if (id != null) {
                    return new Addressed(kind, id);
                }
            }
        }
        return new Addressed("such thing as", "");
    }
}
