/** Events of a cohort: created, candidates enrolled and withdrawn, coach assigned. */
package dev.practicetracker.events.cohort;
