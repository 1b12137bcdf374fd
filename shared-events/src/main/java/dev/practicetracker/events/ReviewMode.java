package dev.practicetracker.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Who is expected to review a session's answers. */
public enum ReviewMode {
    SELF,
    PEER,
    COACH;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ReviewMode fromId(String id) {
        return Arrays.stream(values())
                .filter(value -> value.id().equals(id))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("unknown review mode '" + id + "'; expected self, peer or coach"));
    }
}
