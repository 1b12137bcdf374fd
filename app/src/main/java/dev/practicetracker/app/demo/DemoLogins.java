package dev.practicetracker.app.demo;

import java.util.ArrayList;
import java.util.List;

/** What the welcome message tells a demo user: who to log in as. */
public final class DemoLogins {

    private DemoLogins() {}

    public static List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("every demo account's password is " + DemoCohort.PASSWORD + "; log in with the username:");
        lines.add(String.format("  coach      %-14s %s", DemoCohort.COACH.value(), DemoCohort.COACH_NAME));
        for (DemoCohort.Candidate candidate : DemoCohort.CANDIDATES) {
            lines.add(String.format("  candidate  %-14s %s (%s)", candidate.id(), candidate.name(), candidate.story()));
        }
        return lines;
    }
}
