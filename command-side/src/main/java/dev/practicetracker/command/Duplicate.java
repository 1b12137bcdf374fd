package dev.practicetracker.command;

/** Something that must be unique already exists (HTTP 409), for example a username. Nothing is written. */
public class Duplicate extends RuntimeException {

    public Duplicate(String message) {
        super(message);
    }
}
