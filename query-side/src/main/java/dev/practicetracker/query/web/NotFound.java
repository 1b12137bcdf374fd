package dev.practicetracker.query.web;

/** The candidate, cohort, coach or session asked about is unknown to the read side; answered as 404. */
public class NotFound extends RuntimeException {

    public NotFound(String what, String id) {
        super("there is no " + what + " " + id);
    }
}
