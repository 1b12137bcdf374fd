package dev.practicetracker.command.web;

/**
 * Sessions, cohorts and accounts live in one space of stream ids in the event store. If a client could name the id of
 * what it creates, a 409 would tell it that something of any kind has that id, and it could take an id before the one
 * it was meant for: so the server draws a random id for everything new, and a request that names one is refused,
 * whatever the value, before anything is looked up.
 */
public final class ServerChosenId {

    private ServerChosenId() {}

    /** Refuses {@code value} when present: {@code field} names the id's field, {@code kind} what is being created. */
    public static void refuse(Object value, String field, String kind) {
        if (value != null) {
            throw new InvalidRequest(
                    field, "is chosen by the server: leave it out and read the new " + kind + "'s id from the answer");
        }
    }
}
