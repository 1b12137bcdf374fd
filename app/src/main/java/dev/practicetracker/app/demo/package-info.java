/** The demo cohort: a coach and candidates with weeks of history, seeded through the same commands as real use. */
package dev.practicetracker.app.demo;
