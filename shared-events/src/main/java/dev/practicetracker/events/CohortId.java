package dev.practicetracker.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a cohort; opaque to clients. */
public record CohortId(@JsonValue String value) {

    public CohortId {
        Ids.requireValid(value, "cohort id");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CohortId of(String value) {
        return new CohortId(value);
    }

    public static CohortId generate() {
        return new CohortId(Ids.generate());
    }

    @Override
    public String toString() {
        return value;
    }
}
