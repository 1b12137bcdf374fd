package dev.practicetracker.query.review;

import java.time.Duration;

/** How long something has waited, in the two largest units that matter to a coach: "3 h 20 min", "2 days 4 h". */
final class Waiting {

    private Waiting() {}

    static String describe(Duration waited) {
        long minutes = Math.max(0, waited.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return (days == 1 ? "1 day" : days + " days") + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (mins > 0 ? " " + mins + " min" : "");
        }
        return minutes == 0 ? "less than 1 min" : mins + " min";
    }
}
