package dev.practicetracker.eventstore.personal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The master key that wraps every person's key in {@code person_key} ({@code TRACKER_PERSONAL_DATA_KEY}).
 *
 * @param masterKey 32 random bytes in base64 ({@code openssl rand -base64 32}), the same on every node of both
 *     services; empty means a documented laptop key, which the {@code production} profile refuses
 */
@ConfigurationProperties("tracker.personal-data")
public record PersonalDataProperties(@DefaultValue("") String masterKey) {

    /** Published in the docs: fine on a laptop, refused by the {@code production} profile. */
    static final String LOCAL_DEVELOPMENT_PHRASE = "local-development-only-personal-data-key-do-not-use-in-production";

    public boolean usesLocalDevelopmentKey() {
        return masterKey.isBlank();
    }

    public SecretKey wrappingKey() {
        if (usesLocalDevelopmentKey()) {
            return PersonKeys.masterKey(sha256(LOCAL_DEVELOPMENT_PHRASE));
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(masterKey.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TRACKER_PERSONAL_DATA_KEY must be base64 (openssl rand -base64 32)", e);
        }
        try {
            return PersonKeys.masterKey(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("TRACKER_PERSONAL_DATA_KEY: " + e.getMessage(), e);
        }
    }

    private static byte[] sha256(String phrase) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(phrase.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
