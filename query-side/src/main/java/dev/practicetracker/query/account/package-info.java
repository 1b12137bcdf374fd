/** Accounts as the read side knows them: who may act, in which role, and what they may see of themselves. */
package dev.practicetracker.query.account;
