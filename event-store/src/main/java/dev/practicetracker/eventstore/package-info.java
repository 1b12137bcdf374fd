/** The event store both services share: Axon's JDBC engine on PostgreSQL, JSON in bytea, NOTIFY at commit. */
package dev.practicetracker.eventstore;
