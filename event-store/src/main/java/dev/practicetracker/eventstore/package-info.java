/** The event store both services share: Axon's JDBC engine on PostgreSQL, JSON in bytea, schema from Flyway. */
package dev.practicetracker.eventstore;
