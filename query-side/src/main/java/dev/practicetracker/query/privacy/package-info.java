/** A candidate's own data, all of it, as one file: built from their events and the profile derived from them. */
package dev.practicetracker.query.privacy;
