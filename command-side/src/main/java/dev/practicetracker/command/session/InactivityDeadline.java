package dev.practicetracker.command.session;

import java.time.Instant;

/**
 * The payload of a session's expiry deadline: the last activity it was scheduled after. If the session has seen
 * activity since, the deadline is moved rather than expiring a live session.
 */
record InactivityDeadline(Instant activityAt) {}
