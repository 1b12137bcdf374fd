package dev.practicetracker.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tokens are signed and carried, set from the environment ({@code TRACKER_TOKEN_SECRET},
 * {@code TRACKER_TOKEN_TTL}, {@code TRACKER_COOKIE_SECURE}).
 *
 * @param secret the HMAC-SHA256 key both services share, at least 32 bytes; the built-in value is for a laptop only
 *     and a {@code production} profile refuses to start with it
 * @param ttl how long a token is good for after login
 * @param issuer the {@code iss} claim written and required
 * @param cookieName the cookie that carries the token for the web pages (HttpOnly, SameSite=Strict)
 * @param cookieSecure whether that cookie (and the XSRF cookie) is only sent over HTTPS: off on a laptop, on by default
 *     under the {@code production} profile
 */
@ConfigurationProperties("tracker.security.token")
public record TokenProperties(String secret, Duration ttl, String issuer, String cookieName, boolean cookieSecure) {

    /** Known to everyone who reads the README: fine on a laptop, refused by the {@code production} profile. */
    public static final String LOCAL_DEVELOPMENT_SECRET =
            "local-development-only-token-secret-do-not-use-in-production";

    public static final int MINIMUM_SECRET_BYTES = 32;

    public TokenProperties {
        secret = secret == null || secret.isBlank() ? LOCAL_DEVELOPMENT_SECRET : secret;
        ttl = ttl == null ? Duration.ofHours(8) : ttl;
        issuer = issuer == null || issuer.isBlank() ? "practice-tracker" : issuer;
        cookieName = cookieName == null || cookieName.isBlank() ? "tracker_token" : cookieName;
        if (secret.getBytes(StandardCharsets.UTF_8).length < MINIMUM_SECRET_BYTES) {
            throw new IllegalStateException("TRACKER_TOKEN_SECRET must be at least " + MINIMUM_SECRET_BYTES
                    + " bytes (for example: openssl rand -base64 48)");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalStateException("TRACKER_TOKEN_TTL must be positive, for example PT8H");
        }
    }

    public boolean usesLocalDevelopmentSecret() {
        return LOCAL_DEVELOPMENT_SECRET.equals(secret);
    }
}
