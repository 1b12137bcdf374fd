/**
 * Accounts and what they were allowed, as events: who could act, in which role, and when that changed. Password hashes
 * are never part of an event; they stay in the command side's credential table.
 */
package dev.practicetracker.events.account;
