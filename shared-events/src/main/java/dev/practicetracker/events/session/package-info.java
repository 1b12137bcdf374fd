/** Events of a practice session: started, answered, rated, and how it ended. */
package dev.practicetracker.events.session;
