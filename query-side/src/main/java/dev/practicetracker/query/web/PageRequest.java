package dev.practicetracker.query.web;

/** Which page of a list to return; validated so a client learns at once what it asked wrong. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0) {
            throw new BadRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadRequest("size", "must be from 1 to " + MAX_SIZE);
        }
    }

    public int offset() {
        return page * size;
    }
}
