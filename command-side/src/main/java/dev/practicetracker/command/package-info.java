/** The write side of the tracker: commands in, events out to the PostgreSQL event store. */
package dev.practicetracker.command;
