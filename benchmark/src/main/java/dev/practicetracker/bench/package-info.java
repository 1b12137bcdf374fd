/** The benchmark's driver: PostgreSQL's raw insert rate, then the packaged services under load, in one table. */
package dev.practicetracker.bench;
