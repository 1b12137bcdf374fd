package dev.practicetracker.query.web;

/** Which page of a list to return; validated so a client learns at once what it asked wrong. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 1_000_000;

    public PageRequest {
        if (page < 0 || page > MAX_PAGE) {
            throw new BadRequest("page", "must be from 0 to " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadRequest("size", "must be from 1 to " + MAX_SIZE);
        }
    }

    public int offset() {
        return page * size;
    }
}
