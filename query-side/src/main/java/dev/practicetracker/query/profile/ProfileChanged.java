package dev.practicetracker.query.profile;

import dev.practicetracker.events.Theme;
import java.time.Instant;

/** Sent to live subscribers after a candidate's profile changed in a theme, once the change is committed. */
public record ProfileChanged(String candidateId, Theme theme, Instant at) {}
