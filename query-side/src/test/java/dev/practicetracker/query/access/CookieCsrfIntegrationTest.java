package dev.practicetracker.query.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.practicetracker.events.Role;
import dev.practicetracker.query.ReadSideIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The read side's own changes (retrying dead letters, rebuilding) asked for by the page cookie alone: another site could
 * make a browser send those, so without the echoed XSRF token they are refused.
 */
class CookieCsrfIntegrationTest extends ReadSideIntegrationTest {

    @Test
    void anAdminsCookieAloneCannotRetryDeadLettersButTheEchoedTokenCan() {
        String cookie = tokens.properties().cookieName() + "=" + token(ADMIN, Role.ADMIN);

        ResponseEntity<String> forged = retry(cookie, null);
        ResponseEntity<String> fromThePage = retry(cookie + "; XSRF-TOKEN=page-token", "page-token");

        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(forged.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(fromThePage.getStatusCode().is2xxSuccessful())
                .as(fromThePage.getBody())
                .isTrue();
    }

    private ResponseEntity<String> retry(String cookies, String echoed) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookies);
        if (echoed != null) {
            headers.add("X-XSRF-TOKEN", echoed);
        }
        return http.exchange("/api/admin/dead-letters/retry", HttpMethod.POST, new HttpEntity<>(headers), String.class);
    }
}
