/** Accounts: who may log in, in which role, and the login that turns a password into a token. */
package dev.practicetracker.command.account;
