package dev.practicetracker.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a coach; opaque to clients. */
public record CoachId(@JsonValue String value) {

    public CoachId {
        Ids.requireValid(value, "coach id");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CoachId of(String value) {
        return new CoachId(value);
    }

    public static CoachId generate() {
        return new CoachId(Ids.generate());
    }

    @Override
    public String toString() {
        return value;
    }
}
