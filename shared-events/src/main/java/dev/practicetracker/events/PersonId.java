package dev.practicetracker.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies anyone who rates an answer: the candidate themselves, a peer or a coach; opaque to clients. */
public record PersonId(@JsonValue String value) {

    public PersonId {
        Ids.requireValid(value, "person id");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PersonId of(String value) {
        return new PersonId(value);
    }

    public static PersonId generate() {
        return new PersonId(Ids.generate());
    }

    @Override
    public String toString() {
        return value;
    }
}
