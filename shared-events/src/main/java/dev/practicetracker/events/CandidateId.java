package dev.practicetracker.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a candidate; opaque to clients. */
public record CandidateId(@JsonValue String value) {

    public CandidateId {
        Ids.requireValid(value, "candidate id");
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CandidateId of(String value) {
        return new CandidateId(value);
    }

    public static CandidateId generate() {
        return new CandidateId(Ids.generate());
    }

    @Override
    public String toString() {
        return value;
    }
}
