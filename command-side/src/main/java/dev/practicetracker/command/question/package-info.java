/** The question bank and the catalogue it is seeded from. */
package dev.practicetracker.command.question;
