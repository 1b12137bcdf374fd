package dev.practicetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

class TokensTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final String SECRET = "a-secret-that-is-long-enough-for-hmac-sha256!";

    private final Tokens tokens = tokensAt(NOW, SECRET);

    @Test
    void aTokenNamesItsAccountAndRoleAndVerifies() {
        Tokens.IssuedToken issued = tokens.issue(PersonId.of("ada"), Role.CANDIDATE, "ada");

        Jwt jwt = tokens.decoder().decode(issued.value());

        assertThat(jwt.getSubject()).isEqualTo("ada");
        assertThat(jwt.getClaimAsString(Tokens.ROLE_CLAIM)).isEqualTo("candidate");
        assertThat(jwt.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(String.valueOf(jwt.getHeaders().get("alg"))).isEqualTo("HS256");
    }

    @Test
    void aTokenWithAChangedClaimIsRefused() {
        String value = tokens.issue(PersonId.of("ada"), Role.CANDIDATE, "ada").value();
        String[] parts = value.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.replace("\"candidate\"", "\"admin\"").getBytes());

        assertThatThrownBy(() -> tokens.decoder().decode(parts[0] + "." + forged + "." + parts[2]))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String other = tokensAt(NOW, "another-secret-that-is-long-enough-for-hmac!")
                .issue(PersonId.of("ada"), Role.ADMIN, "ada")
                .value();

        assertThatThrownBy(() -> tokens.decoder().decode(other)).isInstanceOf(JwtException.class);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String value = tokens.issue(PersonId.of("ada"), Role.CANDIDATE, "ada").value();
        Tokens later = tokensAt(NOW.plus(Duration.ofHours(1)).plusSeconds(31), SECRET);

        assertThatThrownBy(() -> later.decoder().decode(value))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String claims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"sub\":\"ada\",\"role\":\"admin\",\"iss\":\"practice-tracker\",\"exp\":"
                                + NOW.plusSeconds(600).getEpochSecond() + "}")
                        .getBytes());

        assertThatThrownBy(() -> tokens.decoder().decode(header + "." + claims + "."))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new TokenProperties("too-short", null, null, null, false))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void theProductionProfileRefusesTheLocalSecret() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        TokenProperties local = new TokenProperties(null, null, null, null, false);

        assertThatThrownBy(() -> LocalDefaults.refuseInProduction(
                        production, local.usesLocalDevelopmentSecret(), "TRACKER_TOKEN_SECRET"))
                .hasMessageContaining("TRACKER_TOKEN_SECRET");
        LocalDefaults.refuseInProduction(new MockEnvironment(), local.usesLocalDevelopmentSecret(), "X");
    }

    private static Tokens tokensAt(Instant now, String secret) {
        return new Tokens(
                new TokenProperties(secret, Duration.ofHours(1), null, null, false), Clock.fixed(now, ZoneOffset.UTC));
    }
}
