package dev.practicetracker.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Who rated an answer, which the read side keeps apart rather than blending. */
public enum RaterRole {
    SELF,
    PEER,
    COACH;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RaterRole fromId(String id) {
        return Arrays.stream(values())
                .filter(value -> value.id().equals(id))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("unknown rater role '" + id + "'; expected self, peer or coach"));
    }
}
