package dev.practicetracker.eventstore.personal;

import dev.practicetracker.events.PersonalData;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals one personal field with its owner's key and opens it again. A sealed field is text in the event's JSON:
 * {@code pd1:} and the base64 of nonce, ciphertext and tag; the owner's id is the associated data, so a sealed value
 * copied into another person's event does not open. A field that cannot be opened (the owner erased, the key lost)
 * reads as its placeholder: replay goes on for everyone.
 */
public class PersonalDataCipher {

    static final String PREFIX = "pd1:";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);

    private final PersonKeys keys;
    private final Set<String> reportedUnreadable = ConcurrentHashMap.newKeySet();

    public PersonalDataCipher(PersonKeys keys) {
        this.keys = keys;
    }

    /** The value as stored: sealed, or the placeholder for a person erased already (nothing of theirs is kept). */
    public String seal(String ownerId, String plain, PersonalData.Kind kind) {
        PersonKeys.State state = keys.forWriting(ownerId);
        if (!(state instanceof PersonKeys.Active active)) {
            return kind.placeholder();
        }
        try {
            byte[] sealed = AesGcm.seal(
                    active.key(), plain.getBytes(StandardCharsets.UTF_8), ownerId.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a personal field", e);
        }
    }

    /**
     * The value as written, or the placeholder. A value without the prefix was written before fields were sealed: it
     * reads as it is until the re-encryption (see docs/privacy.md), except for an erased person.
     */
    public String open(String ownerId, String stored, PersonalData.Kind kind) {
        PersonKeys.State state = keys.read(ownerId);
        if (!isSealed(stored)) {
            return state instanceof PersonKeys.Erased ? kind.placeholder() : stored;
        }
        if (!(state instanceof PersonKeys.Active active)) {
            if (!(state instanceof PersonKeys.Erased) && reportedUnreadable.add(ownerId)) {
                log.warn("Personal fields of person {} cannot be read ({}): they show as placeholders", ownerId, state);
            }
            return kind.placeholder();
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            return new String(
                    AesGcm.open(active.key(), sealed, ownerId.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            if (reportedUnreadable.add(ownerId)) {
                log.warn(
                        "A personal field of person {} does not open with their key: it shows as a placeholder",
                        ownerId);
            }
            return kind.placeholder();
        }
    }

    public static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }
}
