package dev.practicetracker.events;

import java.util.UUID;
import java.util.regex.Pattern;

/** Rules shared by every identifier: opaque, short, URL-safe. */
public final class Ids {

    /** Letters, digits and {@code - _ . :}; up to 64 characters, so an id fits a URL path segment as it is. */
    public static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    private Ids() {}

    public static String requireValid(String value, String kind) {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    kind + " must be 1 to 64 letters, digits or - _ . : (starting with a letter or digit)");
        }
        return value;
    }

    public static String generate() {
        return UUID.randomUUID().toString();
    }

    /** A stable id derived from a name, so that loading the same thing twice gives the same id. */
    public static String derive(String namespace, String name) {
        return UUID.nameUUIDFromBytes((namespace + ':' + name).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
