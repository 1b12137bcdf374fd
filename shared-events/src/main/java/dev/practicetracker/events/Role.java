package dev.practicetracker.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What an account may do: practise (candidate), review a cohort (coach) or run the programme (admin). */
public enum Role {
    CANDIDATE,
    COACH,
    ADMIN;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromId(String id) {
        return Arrays.stream(values())
                .filter(value -> value.id().equals(id))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("unknown role '" + id + "'; expected candidate, coach or admin"));
    }
}
