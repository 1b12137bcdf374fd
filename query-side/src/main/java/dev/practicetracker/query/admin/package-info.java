/** What the admin runs on the read side: rebuilds, dead letters, and the list of every cohort to manage. */
package dev.practicetracker.query.admin;
