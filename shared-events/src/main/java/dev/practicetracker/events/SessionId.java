package dev.practicetracker.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a session; opaque to clients. */
public record SessionId(@JsonValue String value) {

    public SessionId {
        Ids.requireValid(value, "session id");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SessionId of(String value) {
        return new SessionId(value);
    }

    public static SessionId generate() {
        return new SessionId(Ids.generate());
    }

    @Override
    public String toString() {
        return value;
    }
}
