/** Cohorts: candidates preparing together under a coach. */
package dev.practicetracker.command.cohort;
