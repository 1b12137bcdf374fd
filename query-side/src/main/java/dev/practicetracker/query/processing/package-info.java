/** How events reach the projections: the notified event source, sequencing, dead letters, rebuilds. */
package dev.practicetracker.query.processing;
