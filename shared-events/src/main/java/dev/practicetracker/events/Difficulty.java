package dev.practicetracker.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How demanding a question is, from what every candidate should handle to what a mid-level hire is stretched by. */
public enum Difficulty {
    FOUNDATION,
    INTERMEDIATE,
    ADVANCED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Difficulty fromId(String id) {
        return Arrays.stream(values())
                .filter(value -> value.id().equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown difficulty '" + id + "'; expected foundation, intermediate or advanced"));
    }
}
