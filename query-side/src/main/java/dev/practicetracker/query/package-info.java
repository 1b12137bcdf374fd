/** The read side of the tracker: skill profiles, progress, cohort views and the review queue. */
package dev.practicetracker.query;
