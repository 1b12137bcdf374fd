/** The published language of the tracker: identifiers and value types that events carry. */
package dev.practicetracker.events;
