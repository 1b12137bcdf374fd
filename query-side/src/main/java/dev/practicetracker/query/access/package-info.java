/** Who may read what on the query side: the roles per endpoint, and per candidate, session, coach and cohort. */
package dev.practicetracker.query.access;
