package dev.practicetracker.command;

/**
 * The thing exists but is not the caller's to see, so it is answered exactly like one that does not exist (HTTP 404):
 * saying "forbidden" would tell a stranger that another candidate's session is there.
 */
public class Hidden extends RuntimeException {

    private final String id;

    public Hidden(String id) {
        super("not visible to the caller");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
