package dev.practicetracker.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.practicetracker.events.PersonId;
import dev.practicetracker.events.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs and verifies the tokens both services accept: a JWT signed with HMAC-SHA256 carrying the account id
 * ({@code sub}), its role ({@code role}), the account's credentials version when it was issued ({@code cv}), issuer,
 * issue and expiry times and a unique id. Signing and verifying are Nimbus JOSE's, through Spring Security; nothing
 * here is home-made crypto.
 *
 * <p>The credentials version is what makes a token revocable: every change that must cut off earlier tokens (a
 * password change, a lock, a withdrawal, a role change, signing out everywhere) raises the account's version, and a
 * token whose version is below the account's is refused, for good, on both services.
 */
public class Tokens {

    public static final String ROLE_CLAIM = "role";
    public static final String USERNAME_CLAIM = "preferred_username";
    public static final String CREDENTIALS_VERSION_CLAIM = "cv";

    private final TokenProperties properties;
    private final Clock clock;
    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;

    public Tokens(TokenProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        SecretKey key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(java.time.Duration.ofSeconds(30));
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = List.of(
                timestamps,
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, sub -> sub instanceof String s && !s.isBlank()),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<Object>(ROLE_CLAIM, role -> role instanceof String),
                // Tokens from before credentials versions existed carry none: they are refused, so every account logs
                // in once more rather than keeping a token that nothing could revoke.
                new JwtClaimValidator<Object>(CREDENTIALS_VERSION_CLAIM, version -> version instanceof Number));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    }

    /**
     * A signed token for an account that just proved who it is, valid until it expires or until the account's
     * credentials version rises above {@code credentialsVersion}.
     */
    public IssuedToken issue(PersonId accountId, Role role, String username, long credentialsVersion) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.ttl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(accountId.value())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim(ROLE_CLAIM, role.id())
                .claim(USERNAME_CLAIM, username)
                .claim(CREDENTIALS_VERSION_CLAIM, credentialsVersion)
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(value, now, expiresAt);
    }

    public JwtDecoder decoder() {
        return decoder;
    }

    public TokenProperties properties() {
        return properties;
    }

    public record IssuedToken(String value, Instant issuedAt, Instant expiresAt) {}
}
