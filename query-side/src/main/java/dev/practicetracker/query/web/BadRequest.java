package dev.practicetracker.query.web;

/** A query parameter is wrong; answered as 400 naming the parameter. */
public class BadRequest extends RuntimeException {

    private final String parameter;

    public BadRequest(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
