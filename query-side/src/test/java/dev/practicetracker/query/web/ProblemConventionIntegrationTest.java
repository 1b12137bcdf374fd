package dev.practicetracker.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.practicetracker.query.ReadSideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** A refusal of the query side is a problem typed {@code /problems/<code>}, like the command side's. */
class ProblemConventionIntegrationTest extends ReadSideIntegrationTest {

    @Test
    void anUnknownAccountIsANotFoundProblem() throws Exception {
        ResponseEntity<String> response =
                asAdmin().getForEntity("/api/admin/accounts/nobody-at-all/history", String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        JsonNode body = new ObjectMapper().readTree(response.getBody());
        assertThat(body.get("type").asText()).isEqualTo("/problems/not-found");
        assertThat(body.get("title").asText()).isEqualTo("Not found");
    }
}
