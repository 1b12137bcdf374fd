/** Where the services find PostgreSQL: a given URL, an embedded server for a laptop, fresh databases for tests. */
package dev.practicetracker.database;
