package dev.practicetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class TokenResolverTest {

    private final TokenResolver resolver = new TokenResolver("tracker_token");

    @Test
    void theHeaderWinsOverTheCookie() {
        MockHttpServletRequest request = request("/api/me");
        request.addHeader("Authorization", "Bearer from-header");

        assertThat(resolver.resolve(request)).isEqualTo("from-header");
    }

    @Test
    void thePagesCallsToTheApiAreAuthenticatedByTheCookie() {
        assertThat(resolver.resolve(request("/api/candidates/ada/profile"))).isEqualTo("from-cookie");
    }

    @Test
    void aStaleCookieCannotBlockThePagesTheirAssetsOrTheWayBackIn() {
        for (String path : new String[] {
            "/login.html", "/progress.html", "/assets/app.css", "/", "/api/auth/token", "/api/auth/logout"
        }) {
            assertThat(resolver.resolve(request(path))).as(path).isNull();
        }
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setCookies(new Cookie("tracker_token", "from-cookie"));
        return request;
    }
}
