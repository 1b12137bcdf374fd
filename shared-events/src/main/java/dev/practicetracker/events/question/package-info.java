/** Events of the question bank: added, revised, retired. */
package dev.practicetracker.events.question;
