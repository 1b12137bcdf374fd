package dev.practicetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;

/** A refusal by the filter chain reads like every other error of the API: same fields, same type convention. */
class SecurityProblemsTest {

    private final SecurityProblems problems = new SecurityProblems();
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/candidates/ada/profile");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void aRequestWithoutATokenIsAnsweredAsAnUnauthenticatedProblem() throws Exception {
        problems.commence(request, response, new InsufficientAuthenticationException("no token"));

        JsonNode body = body();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(body.get("type").asText()).isEqualTo("/problems/unauthenticated");
        assertThat(body.get("title").asText()).isEqualTo("Authentication required");
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("detail").asText()).contains("POST /api/auth/token");
        assertThat(body.get("instance").asText()).isEqualTo("/api/candidates/ada/profile");
    }

    @Test
    void aRoleThatMayNotIsAnsweredAsAForbiddenProblem() throws Exception {
        problems.handle(request, response, new AccessDeniedException("denied"));

        JsonNode body = body();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(body.get("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(body.get("detail").asText()).isEqualTo("this account's role may not do this");
    }

    private JsonNode body() throws Exception {
        return new ObjectMapper().readTree(response.getContentAsString());
    }
}
