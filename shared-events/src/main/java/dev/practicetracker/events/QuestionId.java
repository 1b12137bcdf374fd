package dev.practicetracker.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a question; opaque to clients. */
public record QuestionId(@JsonValue String value) {

    public QuestionId {
        Ids.requireValid(value, "question id");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static QuestionId of(String value) {
        return new QuestionId(value);
    }

    public static QuestionId generate() {
        return new QuestionId(Ids.generate());
    }

    @Override
    public String toString() {
        return value;
    }
}
