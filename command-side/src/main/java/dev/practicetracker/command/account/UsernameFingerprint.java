package dev.practicetracker.command.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A username as the log writes it: enough to tell repeated attempts on one name apart, keyed (HMAC-SHA256) so that
 * nobody with the log alone can find the name by hashing a dictionary of names. The key is derived from the token
 * secret under a label of its own, so it never equals the key that signs tokens.
 */
final class UsernameFingerprint {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String LABEL = "practice-tracker: username fingerprints in the log";

    private final SecretKeySpec key;

    UsernameFingerprint(String tokenSecret) {
        byte[] derived = mac(new SecretKeySpec(tokenSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM), LABEL);
        this.key = new SecretKeySpec(derived, ALGORITHM);
    }

    String of(String username) {
        return HexFormat.of().formatHex(mac(key, username), 0, 4);
    }

    private static byte[] mac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }
}
