package dev.practicetracker.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.practicetracker.query.ReadSideIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
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

    @Test
    void aWrongMethodIsAProblemTypedByItsStatus() throws Exception {
        ResponseEntity<String> response = asAdmin().getForEntity("/api/admin/dead-letters/retry", String.class);

        assertProblem(response, 405, "/problems/method-not-allowed");
    }

    @Test
    void anAnswerInAFormatNotOfferedIsAProblemTypedByItsStatus() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_XML));
        ResponseEntity<String> response =
                asAdmin().exchange("/api/themes", HttpMethod.GET, new HttpEntity<>(headers), String.class);

        assertProblem(response, 406, "/problems/not-acceptable");
    }

    @Test
    void anUnknownAddressIsANotFoundProblem() throws Exception {
        assertProblem(asAdmin().getForEntity("/api/admin/no-such-thing", String.class), 404, "/problems/not-found");
    }

    private static void assertProblem(ResponseEntity<String> response, int status, String type) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(new ObjectMapper().readTree(response.getBody()).get("type").asText())
                .isEqualTo(type);
    }
}
