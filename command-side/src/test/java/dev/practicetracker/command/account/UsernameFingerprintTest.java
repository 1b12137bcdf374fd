package dev.practicetracker.command.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class UsernameFingerprintTest {

    private static final String SECRET = "a token secret of at least thirty-two bytes, for the test";

    @Test
    void aNameHasOneFingerprintPerSecretAndAnotherUnderAnotherSecret() {
        UsernameFingerprint fingerprint = new UsernameFingerprint(SECRET);

        assertThat(fingerprint.of("robin")).hasSize(8).isEqualTo(new UsernameFingerprint(SECRET).of("robin"));
        assertThat(fingerprint.of("robin")).isNotEqualTo(fingerprint.of("robyn"));
        assertThat(new UsernameFingerprint(SECRET + "!").of("robin")).isNotEqualTo(fingerprint.of("robin"));
    }

    @Test
    void aDictionaryOfPlainHashesDoesNotFindTheName() throws Exception {
        byte[] plain = MessageDigest.getInstance("SHA-256").digest("robin".getBytes(StandardCharsets.UTF_8));

        assertThat(new UsernameFingerprint(SECRET).of("robin"))
                .isNotEqualTo(HexFormat.of().formatHex(plain, 0, 4));
    }
}
