/** Practice sessions: a candidate answers chosen questions and the answers are rated on the rubric. */
package dev.practicetracker.command.session;
