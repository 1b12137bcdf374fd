package dev.practicetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class TokensTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final String SECRET = "a-secret-that-is-long-enough-for-hmac-sha256!";

    private final Tokens tokens = tokensAt(NOW, SECRET);

    @Test
    void aTokenNamesItsAccountAndRoleAndVerifies() {
        Tokens.IssuedToken issued = tokens.issue(PersonId.of("ada"), Role.CANDIDATE, "ada", 0);

        Jwt jwt = tokens.decoder().decode(issued.value());

        assertThat(jwt.getSubject()).isEqualTo("ada");
        assertThat(jwt.getClaimAsString(Tokens.ROLE_CLAIM)).isEqualTo("candidate");
        assertThat(jwt.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(String.valueOf(jwt.getHeaders().get("alg"))).isEqualTo("HS256");
    }

    @Test
    void aTokenCarriesTheCredentialsVersionItWasIssuedAt() {
        Jwt jwt = tokens.decoder()
                .decode(tokens.issue(PersonId.of("ada"), Role.CANDIDATE, "ada", 7)
                        .value());

        assertThat(jwt.<Number>getClaim(Tokens.CREDENTIALS_VERSION_CLAIM).longValue())
                .isEqualTo(7);
    }

    @Test
    void aValidlySignedTokenWithoutACredentialsVersionIsRefused() {
        SecretKey key = new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("practice-tracker")
                .subject("ada")
                .issuedAt(NOW)
                .expiresAt(NOW.plusSeconds(600))
                .claim(Tokens.ROLE_CLAIM, "candidate")
                .build();
        String unversioned = new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();

        assertThatThrownBy(() -> tokens.decoder().decode(unversioned))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining(Tokens.CREDENTIALS_VERSION_CLAIM);
    }

    @Test
    void aTokenWithAChangedClaimIsRefused() {
        String value =
                tokens.issue(PersonId.of("ada"), Role.CANDIDATE, "ada", 0).value();
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
                .issue(PersonId.of("ada"), Role.ADMIN, "ada", 0)
                .value();

        assertThatThrownBy(() -> tokens.decoder().decode(other)).isInstanceOf(JwtException.class);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String value =
                tokens.issue(PersonId.of("ada"), Role.CANDIDATE, "ada", 0).value();
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
