/** The whole tracker in one process: both services on one port and one database, and the demo cohort. */
package dev.practicetracker.app;
