package dev.practicetracker.command.web;

import java.util.Enumeration;
import java.util.regex.Pattern;
import org.springframework.lang.Nullable;

/**
 * The {@code Idempotency-Key} request header (IETF httpapi-idempotency-key-header): a string the client draws once per
 * change and sends again, unchanged, with every retry of it. Written as the draft's structured-field string
 * ({@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}) or, as payment APIs accept it, bare.
 */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";

    /** Visible ASCII but the quote and the backslash, which a structured-field string would have to escape. */
    private static final Pattern FORMAT = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,255}");

    /** The request's key, none when the header is absent; an unusable header is refused before anything is done. */
    static @Nullable IdempotencyKey of(@Nullable Enumeration<String> headers) {
        if (headers == null || !headers.hasMoreElements()) {
            return null;
        }
        String raw = headers.nextElement().strip();
        if (headers.hasMoreElements()) {
            throw malformed("is sent more than once");
        }
        String value = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")
                ? raw.substring(1, raw.length() - 1)
                : raw;
        if (!FORMAT.matcher(value).matches()) {
            throw malformed("must be 1 to 255 visible ASCII characters (no quote or backslash), for example a UUID");
        }
        return new IdempotencyKey(value);
    }

    private static InvalidRequest malformed(String message) {
        return new InvalidRequest(HEADER, message);
    }
}
